// Public URL shorteners carriers reject in sample messages (error 30892), from a2p-10dlc.md section 6.
// The same list is the SQL table ob_url_shortener (its check); test/integration/conventions.test.ts
// keeps the two equal.
export const SHORTENERS = [
  'bit.ly', 'bitly.com', 'bitly.ws', 'bit.do', 'tinyurl.com', 'tiny.cc', 'goo.gl', 'ow.ly', 'is.gd', 't.ly', 'cutt.ly', 'rb.gy',
  'rebrand.ly', 'shorturl.at', 't.co', 'lnkd.in', 'bc.vc', 'budurl.com', 'clicky.me', 'soo.gd', 's2r.co', 'shrtco.de',
  'alturl.com', '9qr.de', 'linki.la', 'minm.xyz', 'app.link', 'lc.chat', 'v.gd', 'qr.ae',
]
