import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { I18N_OPTIONS } from '../../core/i18n/languages'
import { RESOURCES } from '../../core/i18n/translate'

// Components rendered by unit tests read their words as the app's do: through i18next, in English.
void i18next.use(initReactI18next).init({ ...I18N_OPTIONS, lng: 'en', resources: RESOURCES })
