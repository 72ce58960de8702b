// Spanish for every English key of the code (core/i18n/languages.ts): the wizard, its errors and
// refusals, the mails and the hosted pages' Spanish version. US Spanish, addressing the owner as
// usted. test/unit/i18n.test.ts fails on a key the code has and this has not, and on one it has
// that the code no longer uses. Grouped by the file that first uses each key.
export const es: Record<string, string> = {
  // app/components/a2p-advanced.tsx
  'Carriers read the registration in English: these texts and the sample messages stay in English.':
    'Las operadoras leen el registro en inglés: estos textos y los mensajes de ejemplo se quedan en inglés.',
  'Use case': 'Caso de uso',
  'How customers agree': 'Cómo aceptan los clientes',
  'Sample messages (2 to 5; [brackets] for what changes)':
    'Mensajes de ejemplo (de 2 a 5; [corchetes] para lo que cambia)',
  'Sample message {{n}}': 'Mensaje de ejemplo {{n}}',
  "Link domains (your website's, and any your texts link to)":
    'Dominios de enlaces (el de su sitio web y cualquiera al que enlacen sus textos)',
  'Link domain {{n}}': 'Dominio de enlace {{n}}',
  'Use our hosted privacy policy and SMS terms pages':
    'Usar nuestras páginas alojadas de política de privacidad y términos de SMS',
  'Made from your business details:': 'Hechas con los datos de su negocio:',
  'privacy policy': 'política de privacidad',
  'SMS terms': 'términos de SMS',
  "Untick to use your own website's pages.": 'Desmarque para usar las páginas de su propio sitio web.',
  // app/components/a2p-status.tsx
  'Texting enabled': 'Textos activados',
  Paused: 'En pausa',
  'Turned down': 'Rechazado',
  'Not submitted': 'Sin enviar',
  'Waiting for your code': 'Esperando su código',
  'Submitted · carriers reviewing': 'Enviado · las operadoras lo revisan',
  'Submitted · registry checking': 'Enviado · el registro lo verifica',
  Fix: 'Corregir',
  'Change what it says, then press Resubmit: a resubmission may cost $15 (the registry charges each review).':
    'Cambie lo que dice y luego pulse Volver a enviar: un nuevo envío puede costar $15 (el registro cobra cada revisión).',
  // app/components/a2p-timeline.tsx
  'Business registered': 'Negocio registrado',
  'Code confirmed': 'Código confirmado',
  'Carriers approve your texts': 'Las operadoras aprueban sus textos',
  'Number enabled for texting': 'Número activado para textos',
  done: 'hecho',
  'turned down': 'rechazado',
  'waiting for you to type the code': 'esperando a que escriba el código',
  'after the step above': 'después del paso anterior',
  'taking longer than usual; carriers have not answered yet':
    'tarda más de lo habitual; las operadoras aún no han respondido',
  'usually {{from}} to {{by}}': 'normalmente del {{from}} al {{by}}',
  'usually by {{by}}': 'normalmente antes del {{by}}',
  'under way': 'en curso',
  'Registration timeline': 'Cronología del registro',
  // app/components/account-advanced.tsx
  'Your logo': 'Su logotipo',
  'Logo (PNG, JPEG or WebP, up to 2 MB)': 'Logotipo (PNG, JPEG o WebP, hasta 2 MB)',
  'Brand colour': 'Color de marca',
  '#1d4ed8, or we take it from your logo': '#1d4ed8, o lo tomamos de su logotipo',
  'Time zone': 'Zona horaria',
  'Business address': 'Dirección del negocio',
  'Street address': 'Dirección',
  'Apartment, suite': 'Apartamento, suite',
  City: 'Ciudad',
  State: 'Estado',
  'ZIP code': 'Código postal (ZIP)',
  'Languages you text in': 'Idiomas en los que envía textos',
  'Also text customers in Spanish': 'Enviar textos a los clientes también en español',
  // app/components/badge.tsx
  '{{what}} verified': '{{what}} verificado',
  '{{what}} not verified': '{{what}} sin verificar',
  'Accepted defaults': 'Valores aceptados',
  // app/components/blockers.tsx
  'Before you continue': 'Antes de continuar',
  // app/components/calendar-field.tsx
  'You pressed Deny, so your calendar is not connected. Connect again, or continue and connect it later.':
    'Pulsó Denegar, así que su calendario no está conectado. Conéctelo de nuevo, o continúe y conéctelo más tarde.',
  'That sign-in could not be matched to this page (it was used already or started elsewhere). Press Connect to try again.':
    'No pudimos relacionar ese inicio de sesión con esta página (ya se usó o empezó en otro lugar). Pulse Conectar para intentarlo de nuevo.',
  'That sign-in took too long and expired. Press Connect to try again.':
    'Ese inicio de sesión tardó demasiado y caducó. Pulse Conectar para intentarlo de nuevo.',
  'Google did not answer, so your calendar is not connected. Try again in a minute, or connect it later.':
    'Google no respondió, así que su calendario no está conectado. Inténtelo de nuevo en un minuto, o conéctelo más tarde.',
  'Booking calendar': 'Calendario de citas',
  'No calendar': 'Sin calendario',
  'Connected as {{email}}': 'Conectado como {{email}}',
  Disconnect: 'Desconectar',
  'Connect Google Calendar': 'Conectar Google Calendar',
  'or connect it later: just press Continue.': 'o conéctelo más tarde: pulse Continuar.',
  // app/components/calmsg-advanced.tsx
  'Test message sent: check your Slack channel.': 'Mensaje de prueba enviado: revise su canal de Slack.',
  'Slack refused the test: the link was deleted or is wrong. Copy it again from Slack.':
    'Slack rechazó la prueba: el enlace se borró o no es correcto. Cópielo de nuevo desde Slack.',
  'Slack did not answer; try the test again in a minute.':
    'Slack no respondió; intente la prueba de nuevo en un minuto.',
  'Overlapping bookings': 'Citas que se solapan',
  'Never double-book': 'Nunca dar dos citas a la vez',
  'Allow overlaps': 'Permitir solapes',
  'Minutes free before a job': 'Minutos libres antes de un trabajo',
  'Minutes free after a job': 'Minutos libres después de un trabajo',
  'The text a missed caller gets. You can use {{tokens}}.':
    'El texto que recibe alguien cuya llamada no contestó. Puede usar {{tokens}}.',
  'First line': 'Primera línea',
  Message: 'Mensaje',
  'Also text in Spanish': 'Enviar textos también en español',
  'First line (Spanish)': 'Primera línea (español)',
  'Message (Spanish)': 'Mensaje (español)',
  'Ask how a job went after (minutes)': 'Preguntar cómo fue un trabajo después de (minutos)',
  'Count a booking as won by text within (days)': 'Contar una cita como ganada por texto dentro de (días)',
  'Alert emails (up to 5)': 'Correos de aviso (hasta 5)',
  'Alert text numbers (up to 5)': 'Números para avisos por texto (hasta 5)',
  'Slack incoming-webhook link': 'Enlace de webhook entrante de Slack',
  'Send a test message': 'Enviar un mensaje de prueba',
  'Sending a test to Slack…': 'Enviando una prueba a Slack…',
  'Slack has not answered yet.': 'Slack aún no ha respondido.',
  // app/components/error-summary.tsx
  'There is a problem': 'Hay un problema',
  // app/components/field.tsx
  'Advanced (optional)': 'Avanzado (opcional)',
  '(optional)': '(opcional)',
  'Choose…': 'Elija…',
  // app/components/hours-field.tsx
  Mon: 'Lun',
  Tue: 'Mar',
  Wed: 'Mié',
  Thu: 'Jue',
  Fri: 'Vie',
  Sat: 'Sáb',
  Sun: 'Dom',
  'Opening hours': 'Horario de atención',
  'Mon–Fri': 'Lun–Vie',
  'Opening time': 'Hora de apertura',
  to: 'a',
  'Closing time': 'Hora de cierre',
  'Open weekends too': 'Abierto también los fines de semana',
  'Different hours on some days': 'Horario distinto algunos días',
  "Set each day's hours": 'Fijar el horario de cada día',
  '{{day}} opening': '{{day}} apertura',
  '{{day}} closing': '{{day}} cierre',
  // app/components/number-advanced.tsx
  'Move (port) a number I already have instead': 'Mejor trasladar (portar) un número que ya tengo',
  'Number to move': 'Número a trasladar',
  'The number your customers call today.': 'El número al que le llaman hoy sus clientes.',
  'Account number at your current phone company': 'Número de cuenta en su compañía telefónica actual',
  'Saved (hidden); type to replace': 'Guardado (oculto); escriba para cambiarlo',
  'Port-out PIN': 'PIN de portabilidad',
  'Saved (hidden)': 'Guardado (oculto)',
  'Ring your phone for (seconds)': 'Sonar en su teléfono durante (segundos)',
  'Give yourself before we text back (seconds)': 'Tiempo para usted antes de que enviemos el texto (segundos)',
  'After hours': 'Fuera de horario',
  'Closed on (US federal holidays; untick the days you work)':
    'Cerrado (días feriados federales de EE. UU.; desmarque los días que trabaja)',
  'Add another closed day': 'Añadir otro día cerrado',
  'Opt-out line added to texts': 'Línea para darse de baja añadida a los textos',
  'Write my own': 'Escribir la mía',
  'Your opt-out line (must say STOP and HELP)': 'Su línea para darse de baja (debe decir STOP y HELP)',
  'Change number': 'Cambiar número',
  'Refresh list': 'Actualizar la lista',
  'Show available area codes': 'Mostrar los códigos de área disponibles',
  'Area code for the new number': 'Código de área del número nuevo',
  '(none left)': '(no quedan)',
  '({{count}} available)': '({{count}} disponibles)',
  'Get a new number': 'Obtener un número nuevo',
  // app/components/number-banner.tsx
  voice: 'voz',
  'Your texting number is ready': 'Su número para textos está listo',
  'That area code has no numbers left; choose another under Change number.':
    'Ese código de área ya no tiene números; elija otro en Cambiar número.',
  'Your new number is on its way; this one works until then.':
    'Su número nuevo está en camino; este funciona hasta entonces.',
  'We will move your existing number (state: Porting). That takes a few days; you can go on meanwhile.':
    'Trasladaremos su número actual (estado: en portabilidad). Eso tarda unos días; puede seguir mientras tanto.',
  // app/components/otp-panel.tsx
  'That code is not right. Check the text and try again.':
    'Ese código no es correcto. Revise el texto e inténtelo de nuevo.',
  'That code has expired. Press "Send a new code".': 'Ese código ha caducado. Pulse "Enviar un código nuevo".',
  'The registry did not answer. Try again in a minute.': 'El registro no respondió. Inténtelo de nuevo en un minuto.',
  'Confirm your mobile': 'Confirme su móvil',
  'We texted a code to (xxx) xxx-{{last4}}.': 'Enviamos un código por texto al (xxx) xxx-{{last4}}.',
  'Sole proprietors confirm their own mobile to register.':
    'Los propietarios únicos confirman su propio móvil para registrarse.',
  'The code works for {{hours}} h {{minutes}} min more.': 'El código sirve {{hours}} h {{minutes}} min más.',
  'The code has expired.': 'El código ha caducado.',
  Code: 'Código',
  'Confirm code': 'Confirmar el código',
  'Send a new code': 'Enviar un código nuevo',
  'Checking your code…': 'Comprobando su código…',
  'The registry has not answered yet.': 'El registro aún no ha respondido.',
  // app/components/pending-line.tsx
  Refresh: 'Actualizar',
  // app/components/policy.tsx
  'This business': 'Este negocio',
  'Questions: {{contact}}': 'Preguntas: {{contact}}',
  '{{name}}: Privacy Policy': '{{name}}: Política de privacidad',
  '{{business}} ("we") collects the phone number you call us from and the messages you send us, only to answer your enquiry, book and follow up on work you ask for.':
    '{{business}} ("nosotros") recoge el número de teléfono desde el que nos llama y los mensajes que nos envía, solo para responder a su consulta, agendar y dar seguimiento al trabajo que nos pide.',
  'When we miss your call, we may send you one text message about that call.':
    'Cuando no contestamos su llamada, podemos enviarle un mensaje de texto sobre esa llamada.',
  'No mobile information will be shared with third parties or affiliates for marketing or promotional purposes.':
    'No se compartirá información móvil con terceros ni afiliados con fines de marketing o promoción.',
  'Text messaging originator opt-in data and consent are not shared with any third party. We share data only with the providers that deliver our messages, as needed to deliver them.':
    'Los datos y el consentimiento de aceptación de mensajes de texto no se comparten con ningún tercero. Solo compartimos datos con los proveedores que entregan nuestros mensajes, en la medida necesaria para entregarlos.',
  'You can stop texts at any time: reply STOP. Reply HELP for help. Msg & data rates may apply.':
    'Puede dejar de recibir textos en cualquier momento: responda STOP. Responda HELP para obtener ayuda. Pueden aplicar tarifas de mensajes y datos.',
  '{{name}}: SMS Terms': '{{name}}: Términos de SMS',
  'Program:': 'Programa:',
  '{{name}} missed-call follow-up texts.': 'Textos de seguimiento de llamadas perdidas de {{name}}.',
  'How you join:': 'Cómo se une:',
  'Messages:': 'Mensajes:',
  'replies about your call or enquiry (scheduling, quotes, follow-up). Frequency varies with your conversation, usually 1 to 5 messages per enquiry. No marketing.':
    'respuestas sobre su llamada o consulta (citas, presupuestos, seguimiento). La frecuencia varía según su conversación, normalmente de 1 a 5 mensajes por consulta. Sin marketing.',
  'Msg & data rates may apply.': 'Pueden aplicar tarifas de mensajes y datos.',
  'Carriers are not liable for delayed or undelivered messages.':
    'Las operadoras no son responsables de mensajes retrasados o no entregados.',
  'Stop or help:': 'Dejar de recibir o pedir ayuda:',
  'Reply STOP to cancel at any time; you will get one confirmation and no more messages. Reply HELP for help.':
    'Responda STOP para cancelar en cualquier momento; recibirá una confirmación y ningún mensaje más. Responda HELP para obtener ayuda.',
  'Privacy:': 'Privacidad:',
  'mobile numbers are never shared with third parties for marketing. See our':
    'los números de móvil nunca se comparten con terceros para marketing. Vea nuestra',
  // app/components/reply-preview.tsx
  'Text preview': 'Vista previa del texto',
  'What a caller you missed gets by text': 'Lo que recibe por texto alguien cuya llamada no contestó',
  Spanish: 'Español',
  English: 'Inglés',
  '{{characters}} characters': '{{characters}} caracteres',
  '1 SMS': '1 SMS',
  '{{segments}} SMS segments': '{{segments}} segmentos de SMS',
  'This text goes out as {{segments}} messages; a shorter one costs less and reads better.':
    'Este texto sale como {{segments}} mensajes; uno más corto cuesta menos y se lee mejor.',
  // app/components/save-feedback.tsx
  Saved: 'Guardado',
  'This page changed in another tab.': 'Esta página cambió en otra pestaña.',
  'Reload to see the latest': 'Vuelva a cargar para ver lo último',
  // app/components/services-field.tsx
  'Your top services (up to {{max}})': 'Sus servicios principales (hasta {{max}})',
  'Pick at most {{max}} services: untick one first.': 'Elija como máximo {{max}} servicios: desmarque uno primero.',
  'Typical price per job (USD; leave a box empty if it varies)':
    'Precio habitual por trabajo (USD; deje una casilla vacía si varía)',
  '{{service}}: from': '{{service}}: desde',
  '{{service}}: up to': '{{service}}: hasta',
  // app/components/stepper.tsx
  'Setup steps': 'Pasos de la configuración',
  'Step {{n}} of {{count}}: {{title}}': 'Paso {{n}} de {{count}}: {{title}}',
  // app/components/summary.tsx
  'price on request': 'precio a consultar',
  'up to {{price}}': 'hasta {{price}}',
  'from {{price}}': 'desde {{price}}',
  'Edit: {{part}}': 'Editar: {{part}}',
  Edit: 'Editar',
  'Your business': 'Su negocio',
  'No name yet': 'Aún sin nombre',
  'Number and hours': 'Número y horario',
  'Moving {{number}}': 'Trasladando {{number}}',
  'No number yet': 'Aún sin número',
  'closed on {{count}} holidays in the next 12 months': 'cerrado {{count}} días feriados en los próximos 12 meses',
  'Services and prices': 'Servicios y precios',
  'Texts in English and Spanish': 'Textos en inglés y español',
  'Texts in English': 'Textos en inglés',
  Calendar: 'Calendario',
  'Google Calendar, connected as {{email}}': 'Google Calendar, conectado como {{email}}',
  'your account': 'su cuenta',
  'Not connected yet (you can connect it later)': 'Aún sin conectar (puede conectarlo más tarde)',
  'Texting registration': 'Registro para textos',
  // app/kit/autosave.ts
  'This page changed in another tab': 'Esta página cambió en otra pestaña',
  'Not saved; try again': 'No se guardó; inténtelo de nuevo',
  // app/kit/form.server.ts
  'That is too much to send at once; shorten what you typed and try again.':
    'Es demasiado para enviar de una vez; acorte lo que escribió e inténtelo de nuevo.',
  'This form is out of date; reload the page and try again.':
    'Este formulario está desactualizado; vuelva a cargar la página e inténtelo de nuevo.',
  'That value cannot be saved; check the field and try again.':
    'Ese valor no se puede guardar; revise el campo e inténtelo de nuevo.',
  // app/kit/page-form.tsx
  Continue: 'Continuar',
  Save: 'Guardar',
  // app/lib/holidays.server.ts
  "New Year's Day": 'Año Nuevo',
  'Birthday of Martin Luther King, Jr.': 'Natalicio de Martin Luther King, Jr.',
  "Washington's Birthday": 'Natalicio de Washington',
  'Memorial Day': 'Día de los Caídos',
  'Juneteenth National Independence Day': 'Día Nacional de la Independencia de Juneteenth',
  'Independence Day': 'Día de la Independencia',
  'Labor Day': 'Día del Trabajo',
  'Columbus Day': 'Día de Colón',
  'Veterans Day': 'Día de los Veteranos',
  'Thanksgiving Day': 'Día de Acción de Gracias',
  'Christmas Day': 'Navidad',
  // app/pages/a2p.server.ts
  'There is no code waiting for you.': 'No hay ningún código esperándole.',
  'Enter the 6-digit code from the text we sent.': 'Escriba el código de 6 dígitos del texto que le enviamos.',
  // app/pages/account.server.ts
  'The logo must be 2 MB or smaller.': 'El logotipo debe pesar 2 MB o menos.',
  'We do not know that ZIP code; check it': 'No conocemos ese código postal; revíselo',
  'That ZIP code is in {{actual}}, not {{chosen}}': 'Ese código postal está en {{actual}}, no en {{chosen}}',
  // app/pages/calmsg.server.ts
  'Paste your Slack link first, then send the test': 'Primero pegue su enlace de Slack y luego envíe la prueba',
  // app/pages/finalize.server.ts
  'We will finish your setup as soon as carriers approve.':
    'Terminaremos su configuración en cuanto las operadoras la aprueben.',
  // app/pages/number.server.ts
  'Provider busy; try again': 'El proveedor está ocupado; inténtelo de nuevo',
  'Choose an area code for the new number.': 'Elija un código de área para el número nuevo.',
  'Enter the US number you want to move, e.g. (415) 555-0123':
    'Escriba el número de EE. UU. que quiere trasladar, p. ej. (415) 555-0123',
  'Enter the number you want to move': 'Escriba el número que quiere trasladar',
  'Enter the account number from your current phone company':
    'Escriba el número de cuenta de su compañía telefónica actual',
  'Enter the port-out PIN from your current phone company':
    'Escriba el PIN de portabilidad de su compañía telefónica actual',
  // app/root.tsx
  'We could not find that page.': 'No encontramos esa página.',
  "We're having trouble; try again in a minute.": 'Tenemos problemas; inténtelo de nuevo en un minuto.',
  'Something went wrong on our side.': 'Algo falló de nuestro lado.',
  'Everything you saved is still there.': 'Todo lo que guardó sigue ahí.',
  'Back to your setup': 'Volver a su configuración',
  // app/routes/mail.reminders-off.tsx
  'Reminder emails': 'Correos de recordatorio',
  'This link is not complete. Open it again from the email, or sign in to carry on.':
    'Este enlace no está completo. Ábralo de nuevo desde el correo, o inicie sesión para seguir.',
  'Reminders are off. We will still email you when carriers answer your registration.':
    'Los recordatorios están desactivados. Le seguiremos escribiendo cuando las operadoras respondan a su registro.',
  'Stop the emails that remind you to finish your setup? Mail about your texting registration still comes.':
    '¿Dejar de recibir los correos que le recuerdan terminar su configuración? Los correos sobre su registro para textos seguirán llegando.',
  'Turn reminders off': 'Desactivar los recordatorios',
  // app/routes/onboarding.a2p.tsx
  Resubmit: 'Volver a enviar',
  Submit: 'Enviar',
  'Register for texting': 'Regístrese para enviar textos',
  'US carriers require every business that texts to register. We filled this in for you.':
    'Las operadoras de EE. UU. exigen que se registre todo negocio que envía textos. Lo rellenamos por usted.',
  "Your site's privacy or SMS terms page is missing or lacks what carriers look for? We host both for you, made from your details.":
    '¿A la página de privacidad o de términos de SMS de su sitio le falta algo que buscan las operadoras, o no existe? Alojamos ambas por usted, hechas con sus datos.',
  'Use hosted pages': 'Usar páginas alojadas',
  'How your business is registered': 'Cómo está registrado su negocio',
  'Business with an EIN (LLC, corporation)': 'Negocio con EIN (LLC, corporación)',
  'Sole proprietor, no EIN': 'Propietario único, sin EIN',
  EIN: 'EIN',
  '9 digits, on your IRS letter (CP 575), like 12-3456789.':
    '9 dígitos, en su carta del IRS (CP 575), como 12-3456789.',
  'Legal business name': 'Nombre legal del negocio',
  'Exactly as on your IRS or state records.': 'Exactamente como en sus registros del IRS o del estado.',
  'This differs from the name Stripe has; carriers compare it with IRS records, so use the exact legal name.':
    'Es distinto del nombre que tiene Stripe; las operadoras lo comparan con los registros del IRS, así que use el nombre legal exacto.',
  Website: 'Sitio web',
  'Carriers check it shows your business name.': 'Las operadoras comprueban que muestre el nombre de su negocio.',
  'Contact for carriers:': 'Contacto para las operadoras:',
  Name: 'Nombre',
  Email: 'Correo electrónico',
  Mobile: 'Móvil',
  'We register your business (the brand) and your missed-call texts (the campaign) with The Campaign Registry and the carriers, then link your number. The registry charges about $4.50 for the brand and $15 for each campaign review; reviews usually take a few days, sometimes weeks. Texting starts only once all three are approved.':
    'Registramos su negocio (la marca) y sus textos de llamadas perdidas (la campaña) en The Campaign Registry y con las operadoras, y luego vinculamos su número. El registro cobra unos $4.50 por la marca y $15 por cada revisión de la campaña; las revisiones suelen tardar unos días, a veces semanas. Los textos empiezan solo cuando las tres cosas están aprobadas.',
  'Fix the lines above before you resubmit: a resubmission may cost $15.':
    'Corrija las líneas de arriba antes de volver a enviar: un nuevo envío puede costar $15.',
  // app/routes/onboarding.account.tsx
  'We filled in what we know. Change anything that is not right.':
    'Rellenamos lo que sabemos. Cambie lo que no esté bien.',
  'Business name': 'Nombre del negocio',
  'The name your customers know you by.': 'El nombre con el que le conocen sus clientes.',
  'Kind of work': 'Tipo de trabajo',
  // app/routes/onboarding.calmsg.tsx
  'Your services, prices and calendar': 'Sus servicios, precios y calendario',
  'We picked the usual services and prices for your trade. Change anything, then press Continue.':
    'Elegimos los servicios y precios habituales de su oficio. Cambie lo que quiera y luego pulse Continuar.',
  // app/routes/onboarding.finalize.tsx
  'Onboarding is complete': 'La configuración está completa',
  'Your business is set up in the app. Texting enabled: carriers approved your registration.':
    'Su negocio ya está configurado en la aplicación. Textos activados: las operadoras aprobaron su registro.',
  'Go to your dashboard': 'Ir a su panel',
  'You are all set': 'Todo listo',
  'Texting enabled: carriers approved your registration.': 'Textos activados: las operadoras aprobaron su registro.',
  'Setting up your dashboard…': 'Preparando su panel…',
  'This is taking longer than usual. Your work is saved; you can close this page and come back later.':
    'Esto tarda más de lo habitual. Su trabajo está guardado; puede cerrar esta página y volver más tarde.',
  'Check and finish': 'Revisar y terminar',
  'This is what we set up for you. Edit anything, then press Finish.':
    'Esto es lo que configuramos para usted. Edite lo que quiera y luego pulse Terminar.',
  'When carriers approve, we will email you and wait for you to press Finish.':
    'Cuando las operadoras lo aprueben, le escribiremos y esperaremos a que pulse Terminar.',
  'Your setup will finish by itself when carriers approve, and we will email you. You can still change anything until then.':
    'Su configuración terminará sola cuando las operadoras lo aprueben, y le escribiremos. Hasta entonces puede cambiar lo que quiera.',
  'We could not email you at {{email}}: the address was refused. Check it on':
    'No pudimos escribirle a {{email}}: la dirección fue rechazada. Revísela en',
  Finish: 'Terminar',
  'Let me check everything before setup finishes': 'Déjeme revisar todo antes de que termine la configuración',
  'Save this choice': 'Guardar esta opción',
  // app/routes/onboarding.number.tsx
  'Your texting number and hours': 'Su número para textos y su horario',
  'We picked a local number and usual hours. Change anything, then press Looks good.':
    'Elegimos un número local y un horario habitual. Cambie lo que quiera y luego pulse Todo bien.',
  'Looks good': 'Todo bien',
  'Area code': 'Código de área',
  '(suggested)': '(sugerido)',
  'How far you travel:': 'Distancia a la que trabaja:',
  miles: 'millas',
  // app/routes/onboarding.tsx
  'Set up your business': 'Configure su negocio',
  'Sign out': 'Cerrar sesión',
  // app/schemas/a2p.ts
  'That looks like a Social Security number; enter the business EIN (NN-NNNNNNN)':
    'Eso parece un número de Seguro Social; escriba el EIN del negocio (NN-NNNNNNN)',
  'An EIN has 9 digits, like 12-3456789': 'Un EIN tiene 9 dígitos, como 12-3456789',
  'No EIN starts with {{prefix}}; check the number on your IRS letter':
    'Ningún EIN empieza por {{prefix}}; revise el número en su carta del IRS',
  'Enter your real EIN': 'Escriba su EIN real',
  'Keep the address under 2,048 characters': 'La dirección debe tener menos de 2,048 caracteres',
  'Enter your website, like https://riveraplumbing.com': 'Escriba su sitio web, como https://riveraplumbing.com',
  'Carriers need an https:// website': 'Las operadoras necesitan un sitio web con https://',
  '{{domain}} is not a domain name': '{{domain}} no es un nombre de dominio',
  '{{domain}} is a public link shortener; carriers reject them':
    '{{domain}} es un acortador de enlaces público; las operadoras los rechazan',
  'Write at least 20 characters': 'Escriba al menos 20 caracteres',
  'Keep a sample under 1,024 characters': 'Un ejemplo debe tener menos de 1,024 caracteres',
  'Choose how your business is registered': 'Elija cómo está registrado su negocio',
  'Enter the legal name of your business': 'Escriba el nombre legal de su negocio',
  'Keep the name under 200 characters': 'El nombre debe tener menos de 200 caracteres',
  'Enter who carriers can contact': 'Escriba a quién pueden contactar las operadoras',
  'Keep the name under 100 characters': 'El nombre debe tener menos de 100 caracteres',
  'Enter an email address': 'Escriba un correo electrónico',
  'Enter an email address like you@yourbusiness.com': 'Escriba un correo electrónico como usted@sunegocio.com',
  'Enter a US mobile number': 'Escriba un número de móvil de EE. UU.',
  'Enter a US number, e.g. (415) 555-0123': 'Escriba un número de EE. UU., p. ej. (415) 555-0123',
  'Carriers need at least 2 sample messages': 'Las operadoras necesitan al menos 2 mensajes de ejemplo',
  'At most 5 sample messages': 'Como máximo 5 mensajes de ejemplo',
  'At most 10 domains': 'Como máximo 10 dominios',
  // app/schemas/account.ts
  Eastern: 'Este',
  Central: 'Centro',
  Mountain: 'Montaña',
  Arizona: 'Arizona',
  Pacific: 'Pacífico',
  Alaska: 'Alaska',
  Hawaii: 'Hawái',
  'Puerto Rico': 'Puerto Rico',
  'Enter the street address': 'Escriba la dirección',
  'Keep the street address under {{max}} characters': 'La dirección debe tener menos de {{max}} caracteres',
  'Keep the second line under 100 characters': 'La segunda línea debe tener menos de 100 caracteres',
  'Enter the city': 'Escriba la ciudad',
  'Keep the city under {{max}} characters': 'La ciudad debe tener menos de {{max}} caracteres',
  'Choose a state': 'Elija un estado',
  'Enter the ZIP code': 'Escriba el código postal',
  'Enter a 5-digit ZIP code': 'Escriba un código postal de 5 dígitos',
  'Enter your business name': 'Escriba el nombre de su negocio',
  'Choose what kind of work you do': 'Elija qué tipo de trabajo hace',
  'Use a colour like #1d4ed8': 'Use un color como #1d4ed8',
  'Choose a time zone from the list': 'Elija una zona horaria de la lista',
  'Choose English and/or Spanish': 'Elija inglés y/o español',
  // app/schemas/calmsg.ts
  'Enter whole dollars': 'Escriba dólares enteros',
  'At least $0': 'Como mínimo $0',
  'At most {{price}}': 'Como máximo {{price}}',
  'The most must not be below the least': 'El máximo no puede ser menor que el mínimo',
  'We cannot fill {{unknown}}; use {{tokens}}': 'No podemos rellenar {{unknown}}; use {{tokens}}',
  'Write the first line': 'Escriba la primera línea',
  'Keep the first line under {{max}} characters': 'La primera línea debe tener menos de {{max}} caracteres',
  'Write the message': 'Escriba el mensaje',
  'Keep the message under {{max}} characters': 'El mensaje debe tener menos de {{max}} caracteres',
  'Enter a US mobile number, e.g. (415) 555-0123': 'Escriba un número de móvil de EE. UU., p. ej. (415) 555-0123',
  'Choose a calendar': 'Elija un calendario',
  'Keep a service under 60 characters': 'Un servicio debe tener menos de 60 caracteres',
  'A service name cannot contain . [ or ]': 'El nombre de un servicio no puede contener . [ ni ]',
  'Pick at least one service': 'Elija al menos un servicio',
  'Each service once': 'Cada servicio una sola vez',
  'Choose whether bookings may overlap': 'Elija si las citas pueden solaparse',
  'At least 0 minutes': 'Como mínimo 0 minutos',
  'At most 240 minutes': 'Como máximo 240 minutos',
  'Enter minutes': 'Escriba los minutos',
  'At least 15 minutes': 'Como mínimo 15 minutos',
  'At most 1,440 minutes (a day)': 'Como máximo 1,440 minutos (un día)',
  'Enter days': 'Escriba los días',
  'At least 1 day': 'Como mínimo 1 día',
  'At most 90 days': 'Como máximo 90 días',
  'At most 5 email addresses': 'Como máximo 5 correos electrónicos',
  'Each address once': 'Cada dirección una sola vez',
  'At most 5 mobile numbers': 'Como máximo 5 números de móvil',
  'Each number once': 'Cada número una sola vez',
  'Paste a Slack incoming-webhook link: https://hooks.slack.com/services/…':
    'Pegue un enlace de webhook entrante de Slack: https://hooks.slack.com/services/…',
  // app/schemas/number.ts
  'Our assistant answers by text': 'Nuestro asistente responde por texto',
  'Queue it for a person next morning': 'Dejarlo para que una persona lo atienda a la mañana siguiente',
  'Reply that we are closed': 'Responder que estamos cerrados',
  'Enter a time': 'Escriba una hora',
  'Use a time like 08:00': 'Use una hora como 08:00',
  'Closing time must be after opening time': 'La hora de cierre debe ser posterior a la de apertura',
  'Choose an area code': 'Elija un código de área',
  'An area code is 3 digits and does not start with 0 or 1':
    'Un código de área tiene 3 dígitos y no empieza por 0 ni por 1',
  'Choose how far you travel': 'Elija a qué distancia trabaja',
  'At least 1 mile': 'Como mínimo 1 milla',
  'At most 100 miles': 'Como máximo 100 millas',
  'At least 5 seconds': 'Como mínimo 5 segundos',
  'At most 120 seconds': 'Como máximo 120 segundos',
  'At least 30 seconds': 'Como mínimo 30 segundos',
  'At most 180 seconds': 'Como máximo 180 segundos',
  'Choose what happens after hours': 'Elija qué pasa fuera de horario',
  'Use dates like 2026-12-25': 'Use fechas como 2026-12-25',
  'At most 40 holidays': 'Como máximo 40 días feriados',
  'Carriers require the words STOP and HELP': 'Las operadoras exigen las palabras STOP y HELP',
  'Keep it under 320 characters': 'Debe tener menos de 320 caracteres',
  'At most 40 characters': 'Como máximo 40 caracteres',
  'At most 20 characters': 'Como máximo 20 caracteres',
  // app/schemas/text.ts
  'Remove the unusual characters (invisible control characters) from this field':
    'Quite los caracteres extraños (caracteres de control invisibles) de este campo',
  // app/wizard.ts
  'Error: ': 'Error: ',
  // core/data/a2p-reasons.ts
  'We could not reach the registry for a long time, so your registration is paused. Press Resubmit to try again; nothing was charged twice.':
    'No pudimos comunicarnos con el registro durante mucho tiempo, así que su registro está en pausa. Pulse Volver a enviar para intentarlo de nuevo; no se cobró nada dos veces.',
  'You changed your registration after submitting it, and carriers would turn it down as it is now: fix the lines above, then press Resubmit.':
    'Cambió su registro después de enviarlo, y las operadoras lo rechazarían tal como está ahora: corrija las líneas de arriba y luego pulse Volver a enviar.',
  'Vetting was turned down without a reason: contact support for details, then resubmit.':
    'La verificación se rechazó sin motivo: pida los detalles a soporte y luego vuelva a enviar.',
  'Use a contact email on your business domain, not Gmail or Yahoo.':
    'Use un correo de contacto en el dominio de su negocio, no Gmail ni Yahoo.',
  'Affiliate or lead-sharing programs are not allowed.':
    'No se permiten programas de afiliados ni de reparto de clientes potenciales.',
  'This kind of business (SHAFT or cannabis) cannot register for texting.':
    'Este tipo de negocio (SHAFT o cannabis) no puede registrarse para enviar textos.',
  'Carriers flagged this as known spam: contact support.':
    'Las operadoras lo marcaron como spam conocido: contacte a soporte.',
  'Carriers flagged this as high risk: contact support.':
    'Las operadoras lo marcaron como de alto riesgo: contacte a soporte.',
  'The description was too vague: we describe your missed-call texts; resubmit as is or contact support.':
    'La descripción era demasiado vaga: describimos sus textos de llamadas perdidas; vuelva a enviarla tal cual o contacte a soporte.',
  'Opt-out handling was unclear: keep "Reply STOP to opt out" in your samples.':
    'La forma de darse de baja no estaba clara: mantenga "Reply STOP to opt out" en sus ejemplos.',
  'An age gate was declared by mistake: resubmit (trades need none).':
    'Se declaró un control de edad por error: vuelva a enviar (los oficios no lo necesitan).',
  'A phone number was declared but is not in the samples: add it to a sample or remove it.':
    'Se declaró un número de teléfono que no está en los ejemplos: añádalo a un ejemplo o quítelo.',
  'The HELP reply must name your business and give a phone or email.':
    'La respuesta a HELP debe nombrar su negocio y dar un teléfono o un correo.',
  'Your website could not be opened or shows no opt-in: give a working public https address.':
    'No se pudo abrir su sitio web o no muestra la aceptación: dé una dirección https pública que funcione.',
  'Use full https links on your own domain in the samples, not link shorteners.':
    'Use enlaces https completos de su propio dominio en los ejemplos, no acortadores de enlaces.',
  'Write 2 to 5 realistic samples with [brackets], your business name and "Reply STOP".':
    'Escriba de 2 a 5 ejemplos realistas con [corchetes], el nombre de su negocio y "Reply STOP".',
  'The business registered is not the one texting: check the legal name and website.':
    'El negocio registrado no es el que envía los textos: revise el nombre legal y el sitio web.',
  'The samples looked like lending: remove any loan or financing wording.':
    'Los ejemplos parecían de préstamos: quite cualquier mención de préstamos o financiación.',
  'Your website needs a privacy policy and SMS terms: use our hosted pages or add your own.':
    'Su sitio web necesita una política de privacidad y términos de SMS: use nuestras páginas alojadas o añada las suyas.',
  'This kind of content (loans, debt relief, gambling, crypto) cannot register.':
    'Este tipo de contenido (préstamos, alivio de deudas, apuestas, criptomonedas) no puede registrarse.',
  'Your EIN is used by too many brands: reuse your existing registration or contact support.':
    'Su EIN lo usan demasiadas marcas: reutilice su registro existente o contacte a soporte.',
  'A carrier turned it down: contact support with your campaign ID.':
    'Una operadora lo rechazó: contacte a soporte con el ID de su campaña.',
  'That use case is not allowed for this brand type: check business type.':
    'Ese caso de uso no está permitido para este tipo de marca: revise el tipo de negocio.',
  'The review timed out: resubmit.': 'La revisión caducó: vuelva a enviar.',
  'You have an EIN: register as a business (Standard) with it.':
    'Tiene un EIN: regístrese como negocio (Standard) con él.',
  'Your website does not match your business: use the site with your business name.':
    'Su sitio web no corresponde a su negocio: use el sitio con el nombre de su negocio.',
  'Your privacy policy must say mobile numbers are never shared for marketing: use our hosted pages.':
    'Su política de privacidad debe decir que los números de móvil nunca se comparten para marketing: use nuestras páginas alojadas.',
  'How customers agree to texts could not be checked: your site needs its privacy and terms pages.':
    'No se pudo comprobar cómo aceptan los clientes los textos: su sitio necesita sus páginas de privacidad y de términos.',
  'The opt-in text must state message type, frequency, "Msg & data rates may apply" and "Reply STOP".':
    'El texto de aceptación debe indicar el tipo de mensaje, la frecuencia, "Msg & data rates may apply" y "Reply STOP".',
  'Say how often you text: our hosted SMS terms say "Message frequency varies".':
    'Diga con qué frecuencia envía textos: nuestros términos de SMS alojados dicen "Message frequency varies".',
  'How customers agree must say "text messages" or "SMS": contact support.':
    'Cómo aceptan los clientes debe decir "text messages" o "SMS": contacte a soporte.',
  'Your SMS terms must state how often you text: use our hosted pages or add it to yours.':
    'Sus términos de SMS deben indicar con qué frecuencia envía textos: use nuestras páginas alojadas o añádalo a las suyas.',
  'Your SMS terms must say "Message and data rates may apply": use our hosted pages or add it to yours.':
    'Sus términos de SMS deben decir "Message and data rates may apply": use nuestras páginas alojadas o añádalo a las suyas.',
  'Add "Message and data rates may apply" where customers agree: our hosted pages say it.':
    'Añada "Message and data rates may apply" donde los clientes aceptan: nuestras páginas alojadas lo dicen.',
  'Your website must show your business, how to reach you and that mobile numbers are never shared or sold: use our hosted pages.':
    'Su sitio web debe mostrar su negocio, cómo contactarle y que los números de móvil nunca se comparten ni se venden: use nuestras páginas alojadas.',
  'Remove "emergency alert" wording from your samples and names, then resubmit.':
    'Quite las palabras "emergency alert" de sus ejemplos y nombres, y luego vuelva a enviar.',
  'Your campaign was suspended: contact support.': 'Su campaña fue suspendida: contacte a soporte.',
  'Finish your brand verification first (the code we texted, or the email from the registry).':
    'Primero termine la verificación de su marca (el código que le enviamos por texto, o el correo del registro).',
  'Enter the legal name exactly as on your IRS letter (CP 575 or 147C), with "LLC" or "Inc", and check the EIN.':
    'Escriba el nombre legal exactamente como en su carta del IRS (CP 575 o 147C), con "LLC" o "Inc", y revise el EIN.',
  'A field was in the wrong format: check the phone, state and ZIP.':
    'Un campo tenía un formato incorrecto: revise el teléfono, el estado y el código postal.',
  'This business is registered already: contact support to reuse it.':
    'Este negocio ya está registrado: contacte a soporte para reutilizarlo.',
  'Your address is not a valid USPS address: fix it on the first page.':
    'Su dirección no es una dirección válida de USPS: corríjala en la primera página.',
  'Enter your EIN.': 'Escriba su EIN.',
  'Choose "private company": yours is not a public one.': 'Elija "empresa privada": la suya no es una empresa pública.',
  'Choose "private company": yours is not a government body.':
    'Elija "empresa privada": la suya no es un organismo de gobierno.',
  'Choose "private company": yours is not a non-profit.':
    'Elija "empresa privada": la suya no es una organización sin fines de lucro.',
  'The registry could not verify your details: check the EIN, legal name and address.':
    'El registro no pudo verificar sus datos: revise el EIN, el nombre legal y la dirección.',
  'Your brand was suspended: contact support.': 'Su marca fue suspendida: contacte a soporte.',
  'Carriers turned this down. Check your details and resubmit, or contact support.':
    'Las operadoras lo rechazaron. Revise sus datos y vuelva a enviar, o contacte a soporte.',
  'Carriers turned this down (code {{code}}: {{message}}). Check your details and resubmit, or contact support.':
    'Las operadoras lo rechazaron (código {{code}}: {{message}}). Revise sus datos y vuelva a enviar, o contacte a soporte.',
  'Carriers turned this down (code {{code}}). Check your details and resubmit, or contact support.':
    'Las operadoras lo rechazaron (código {{code}}). Revise sus datos y vuelva a enviar, o contacte a soporte.',
  'Carriers turned this down ({{message}}). Check your details and resubmit, or contact support.':
    'Las operadoras lo rechazaron ({{message}}). Revise sus datos y vuelva a enviar, o contacte a soporte.',
  // core/data/verticals.ts
  Plumbing: 'Plomería',
  'Heating & air conditioning': 'Calefacción y aire acondicionado',
  Electrical: 'Electricidad',
  Roofing: 'Techos',
  Carpentry: 'Carpintería',
  'General contracting': 'Contratista general',
  Landscaping: 'Jardinería',
  Cleaning: 'Limpieza',
  'Pest control': 'Control de plagas',
  Painting: 'Pintura',
  Locksmith: 'Cerrajería',
  'Appliance repair': 'Reparación de electrodomésticos',
  'Auto repair': 'Reparación de autos',
  'Something else': 'Otra cosa',
  // core/refusals.ts
  'You have tried too many codes today; try again tomorrow or contact support.':
    'Ha probado demasiados códigos hoy; inténtelo de nuevo mañana o contacte a soporte.',
  'That code has been tried too often; press "Send a new code" and use the new one.':
    'Ese código se ha probado demasiadas veces; pulse "Enviar un código nuevo" y use el nuevo.',
  'We just sent a code; wait a minute before asking again.':
    'Acabamos de enviar un código; espere un minuto antes de pedir otro.',
  'You asked for {{count}} new codes today; try again tomorrow or contact support.':
    'Ha pedido {{count}} códigos nuevos hoy; inténtelo de nuevo mañana o contacte a soporte.',
  'Your texting registration is approved already.': 'Su registro para textos ya está aprobado.',
  'Your registration is already with the carriers; we will update this page.':
    'Su registro ya está con las operadoras; actualizaremos esta página.',
  'We are still checking your website; press Submit again in a few seconds.':
    'Aún estamos revisando su sitio web; pulse Enviar de nuevo en unos segundos.',
  'Fix the lines above first: carriers reject registrations with them, and each submission is charged.':
    'Primero corrija las líneas de arriba: las operadoras rechazan los registros que las tienen, y cada envío se cobra.',
  'Onboarding is complete: these records are kept as they were copied.':
    'La configuración está completa: estos datos se guardan tal como se copiaron.',
  'You have pressed Finish: your business is moving to your dashboard, where you can change it.':
    'Ya pulsó Terminar: su negocio se está pasando a su panel, donde puede cambiarlo.',
  'You do not have a number to change yet.': 'Aún no tiene un número que cambiar.',
  'Your new number is already on its way; wait for it before changing again.':
    'Su número nuevo ya está en camino; espérelo antes de cambiarlo otra vez.',
  'You have changed your number {{count}} times in the last 24 hours; you can change it again tomorrow.':
    'Ha cambiado su número {{count}} veces en las últimas 24 horas; puede cambiarlo de nuevo mañana.',
  'You have changed your website {{max}} times in the last hour; wait a while, then change it again.':
    'Ha cambiado su sitio web {{max}} veces en la última hora; espere un rato y luego cámbielo de nuevo.',
  'You have sent {{max}} test messages in the last hour; try again later.':
    'Ha enviado {{max}} mensajes de prueba en la última hora; inténtelo más tarde.',
  'You have checked availability {{max}} times in the last hour; try again later.':
    'Ha consultado la disponibilidad {{max}} veces en la última hora; inténtelo más tarde.',
  'You have uploaded {{max}} logos today; try again tomorrow.':
    'Ha subido {{max}} logotipos hoy; inténtelo de nuevo mañana.',
  'That cannot be done right now; reload the page and try again.':
    'Eso no se puede hacer ahora; vuelva a cargar la página e inténtelo de nuevo.',
  // core/wizard/a2p.ts
  'Add your legal business name.': 'Añada el nombre legal de su negocio.',
  'Add your website.': 'Añada su sitio web.',
  'Add your EIN.': 'Añada su EIN.',
  'Add who carriers can contact.': 'Añada a quién pueden contactar las operadoras.',
  'Your website does not open over https; carriers require it.':
    'Su sitio web no abre con https; las operadoras lo exigen.',
  'A free email domain is not a business website.': 'Un dominio de correo gratuito no es un sitio web de negocio.',
  'Your website has no privacy policy page (the most common rejection).':
    'Su sitio web no tiene una página de política de privacidad (el rechazo más común).',
  'Your website has no SMS terms page.': 'Su sitio web no tiene una página de términos de SMS.',
  'Your privacy policy must say mobile numbers and opt-in data are never shared or sold.':
    'Su política de privacidad debe decir que los números de móvil y los datos de aceptación nunca se comparten ni se venden.',
  'Your SMS terms must say how often you text (for example "Message frequency varies").':
    'Sus términos de SMS deben decir con qué frecuencia envía textos (por ejemplo "Message frequency varies").',
  'Your SMS terms must say "Message and data rates may apply".':
    'Sus términos de SMS deben decir "Message and data rates may apply".',
  'Your SMS terms must name your business and give a phone or email for help.':
    'Sus términos de SMS deben nombrar su negocio y dar un teléfono o un correo para pedir ayuda.',
  'Checking your website for privacy and terms pages…':
    'Buscando en su sitio web las páginas de privacidad y de términos…',
  'Your website is slow to answer; we keep trying. You can use our hosted pages instead.':
    'Su sitio web tarda en responder; seguimos intentándolo. Puede usar nuestras páginas alojadas en su lugar.',
  'Carriers need 2 to 5 sample messages.': 'Las operadoras necesitan de 2 a 5 mensajes de ejemplo.',
  'A sample message must name your business.': 'Un mensaje de ejemplo debe nombrar su negocio.',
  'A sample message must say how to opt out, like "Reply STOP to opt out".':
    'Un mensaje de ejemplo debe decir cómo darse de baja, como "Reply STOP to opt out".',
  'Use full https links on your own domain, not link shorteners or http.':
    'Use enlaces https completos de su propio dominio, no acortadores de enlaces ni http.',
  "List your website's domain (and any domain your samples link to) under link domains.":
    'Ponga el dominio de su sitio web (y cualquier dominio al que enlacen sus ejemplos) en los dominios de enlaces.',
  'How customers agree must say "text" or "SMS": contact support.':
    'Cómo aceptan los clientes debe decir "text" o "SMS": contacte a soporte.',
  'Remove "emergency alert" wording: carriers keep it for public alerts ("emergency service" is fine).':
    'Quite las palabras "emergency alert": las operadoras las reservan para alertas públicas ("emergency service" está bien).',
  'Remove wording about alcohol, tobacco, vaping, cannabis, firearms or adult content: carriers refuse it.':
    'Quite lo que hable de alcohol, tabaco, vapeo, cannabis, armas de fuego o contenido para adultos: las operadoras lo rechazan.',
  'Remove wording about loans, debt, credit repair, crypto or gambling: carriers refuse it.':
    'Quite lo que hable de préstamos, deudas, reparación de crédito, criptomonedas o apuestas: las operadoras lo rechazan.',
  'The contact for carriers must be a person, by first and last name.':
    'El contacto para las operadoras debe ser una persona, con nombre y apellido.',
  'You have an EIN, so register as a business (Standard), not a sole proprietor.':
    'Tiene un EIN, así que regístrese como negocio (Standard), no como propietario único.',
  'A name with LLC, Inc or Corp means your business has an EIN: register as a business (Standard) with it.':
    'Un nombre con LLC, Inc o Corp significa que su negocio tiene EIN: regístrese como negocio (Standard) con él.',
  'Submit your texting registration.': 'Envíe su registro para textos.',
  'Confirm the code we texted to your mobile.': 'Confirme el código que le enviamos por texto a su móvil.',
  'Carriers are reviewing your registration.': 'Las operadoras están revisando su registro.',
  'Carriers usually answer within a few days; come back later or reload this page to see where it is.':
    'Las operadoras suelen responder en unos días; vuelva más tarde o recargue esta página para ver cómo va.',
  'Carriers turned down your registration.': 'Las operadoras rechazaron su registro.',
  'Registration paused: try again.': 'Registro en pausa: inténtelo de nuevo.',
  // core/wizard/account.ts
  'Your email address is not verified yet.': 'Su correo electrónico aún no está verificado.',
  'Your mobile number is not verified yet.': 'Su número de móvil aún no está verificado.',
  'Fetching your business details…': 'Buscando los datos de su negocio…',
  'Stripe has not answered yet; we keep trying. You can type your details meanwhile.':
    'Stripe aún no ha respondido; seguimos intentándolo. Mientras tanto puede escribir sus datos.',
  'Your subscription is not active.': 'Su suscripción no está activa.',
  'Add your business name.': 'Añada el nombre de su negocio.',
  'Choose what kind of work you do.': 'Elija qué tipo de trabajo hace.',
  // core/wizard/calmsg.ts
  'Pick the services you offer.': 'Elija los servicios que ofrece.',
  'Add a price range for each service.': 'Añada un rango de precios para cada servicio.',
  'Connect your Google Calendar, or press Continue to connect it later.':
    'Conecte su Google Calendar, o pulse Continuar para conectarlo más tarde.',
  // core/wizard/number.ts
  'You do not have a texting number yet.': 'Aún no tiene un número para textos.',
  "We're getting your number…": 'Estamos consiguiendo su número…',
  'This is taking longer than usual: the phone company has not answered yet. We keep trying; this page updates when it is done.':
    'Esto tarda más de lo habitual: la compañía telefónica aún no ha respondido. Seguimos intentándolo; esta página se actualiza cuando esté listo.',
  'Your new number is on its way; your current number works until then.':
    'Su número nuevo está en camino; su número actual funciona hasta entonces.',
  'The phone company has not answered yet; we keep trying. Finish waits for the new number.':
    'La compañía telefónica aún no ha respondido; seguimos intentándolo. Terminar espera al número nuevo.',
  'The phone company is still busy; we keep trying, or press Looks good to try now.':
    'La compañía telefónica sigue ocupada; seguimos intentándolo, o pulse Todo bien para intentarlo ahora.',
  'Number unavailable; try again': 'Número no disponible; inténtelo de nuevo',
  'Finish the details for moving your number.': 'Termine los datos para trasladar su número.',
  // platform/images.server.ts
  'Use a PNG, JPEG or WebP picture for the logo.': 'Use una imagen PNG, JPEG o WebP para el logotipo.',
  'That picture could not be read; try another file.': 'No se pudo leer esa imagen; pruebe con otro archivo.',
  // platform/messages.server.ts
  'Registering your business usually takes minutes to a day. Carriers then review how you will text: at least two days, often up to a week, sometimes longer when they are busy. Texting starts once they approve.':
    'Registrar su negocio suele tardar de minutos a un día. Después, las operadoras revisan cómo enviará textos: al menos dos días, a menudo hasta una semana, a veces más cuando tienen mucho trabajo. Los textos empiezan cuando lo aprueban.',
  'Hello {{name}},': 'Hola, {{name}}:',
  'Hello,': 'Hola:',
  '{{business}}: your texting registration is in': '{{business}}: su registro para textos está enviado',
  'We sent your texting registration to the carriers for {{legalName}} ({{kind}}).':
    'Enviamos su registro para textos a las operadoras para {{legalName}} ({{kind}}).',
  'sole proprietor': 'propietario único',
  'business with an EIN': 'negocio con EIN',
  'We sent your texting registration to the carriers ({{kind}}).':
    'Enviamos su registro para textos a las operadoras ({{kind}}).',
  'The registry charges about $4.50 for registering the business and $15 for each review of how you text.':
    'El registro cobra unos $4.50 por registrar el negocio y $15 por cada revisión de cómo envía textos.',
  'You do not need to do anything now: we will email you when they answer, and your setup finishes by itself once they approve.':
    'No tiene que hacer nada ahora: le escribiremos cuando respondan, y su configuración termina sola cuando lo aprueben.',
  'See where it is': 'Ver cómo va',
  '{{business}}: confirm the code we texted you': '{{business}}: confirme el código que le enviamos por texto',
  'The registry texted a code to {{mobile}}. Type it on the registration page to confirm you are the owner; nothing moves on until you do.':
    'El registro envió un código por texto al {{mobile}}. Escríbalo en la página de registro para confirmar que es el propietario; nada avanza hasta que lo haga.',
  'your mobile': 'su móvil',
  'No code? Open the page and press "Send a new code".':
    '¿No le llegó el código? Abra la página y pulse "Enviar un código nuevo".',
  'Confirm the code': 'Confirmar el código',
  '{{business}}: texting is on and your setup is complete':
    '{{business}}: los textos están activados y su configuración está completa',
  'Carriers approved your registration: texting is on for your number.':
    'Las operadoras aprobaron su registro: los textos están activados para su número.',
  'Your setup is complete. We are moving your business into your dashboard; there is nothing left to do here.':
    'Su configuración está completa. Estamos pasando su negocio a su panel; aquí no queda nada por hacer.',
  'Open your setup': 'Abrir su configuración',
  '{{business}}: texting is on, one click left': '{{business}}: los textos están activados, falta un clic',
  'One click is left: look over your setup and press Finish.':
    'Falta un clic: revise su configuración y pulse Terminar.',
  'Look over and finish': 'Revisar y terminar',
  '{{business}}: your texting registration is paused': '{{business}}: su registro para textos está en pausa',
  'Try again': 'Intentar de nuevo',
  '{{business}}: carriers turned down your texting registration':
    '{{business}}: las operadoras rechazaron su registro para textos',
  'Carriers turned down your registration without saying why. Check your details, then resubmit, or contact support.':
    'Las operadoras rechazaron su registro sin decir por qué. Revise sus datos y luego vuelva a enviar, o contacte a soporte.',
  'This cannot be resubmitted: contact support.': 'Esto no se puede volver a enviar: contacte a soporte.',
  'Fix it on the registration page, then press Resubmit (a resubmission may cost $15).':
    'Corríjalo en la página de registro y luego pulse Volver a enviar (un nuevo envío puede costar $15).',
  'Fix it': 'Corregirlo',
  '{{business}}: carriers are still reviewing your registration':
    '{{business}}: las operadoras siguen revisando su registro',
  'It has been a week and carriers have not answered yet. This happens when they are busy; it is not a refusal, and there is nothing wrong on your side that we can see.':
    'Ha pasado una semana y las operadoras aún no han respondido. Esto pasa cuando tienen mucho trabajo; no es un rechazo, y no vemos nada mal de su lado.',
  'You can wait (we will email you when they answer) or open the page to check your details.':
    'Puede esperar (le escribiremos cuando respondan) o abrir la página para revisar sus datos.',
  '{{business}}: your setup is waiting for you': '{{business}}: su configuración le está esperando',
  'You started setting up missed-call texts but have not finished. Most owners finish in a few minutes by accepting what we filled in.':
    'Empezó a configurar los textos para llamadas perdidas pero no ha terminado. La mayoría de los propietarios terminan en unos minutos aceptando lo que rellenamos.',
  'Texting needs a carrier registration, which takes days: the sooner you submit it, the sooner your callers get a text back.':
    'Los textos necesitan un registro con las operadoras, que tarda días: cuanto antes lo envíe, antes recibirán un texto las personas que le llaman.',
  'Carry on': 'Continuar',
  'Do not want these reminders? Turn them off: {{url}}': '¿No quiere estos recordatorios? Desactívelos: {{url}}',
  // platform/providers/website.server.ts
  '{{host}} resolves to a private address': '{{host}} apunta a una dirección privada',
  '{{host}} is a private address': '{{host}} es una dirección privada',
  '{{address}} is not a web address we open': '{{address}} no es una dirección web que abramos',
  'too many redirects': 'demasiadas redirecciones',
  'the time to read it ran out': 'se acabó el tiempo para leerlo',
  'it did not answer within 5 seconds': 'no respondió en 5 segundos',
  'it could not be reached': 'no se pudo conectar',
  'We could not open {{url}}: {{_why}}.': 'No pudimos abrir {{url}}: {{_why}}.',
  '{{url}} answered with an error ({{status}}).': '{{url}} respondió con un error ({{status}}).',
  // db/save.server.ts
  'This page changed in another tab; reload to see the latest':
    'Esta página cambió en otra pestaña; vuelva a cargar para ver lo último',
  'This step is not open yet.': 'Este paso aún no está abierto.',
  'Finish needs the lines below first.': 'Terminar necesita primero las líneas de abajo.',
}
