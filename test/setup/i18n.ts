// Components rendered by unit tests (outside the root's <PageWords>) read their words from the
// default i18next instance, in English, as the server's own words outside React do.
import '../../core/i18n/translate'
