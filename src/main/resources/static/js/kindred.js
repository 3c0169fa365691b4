// Tells the server the browser's time zone, so that dates show in the viewer's zone before they sign in.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf('kindred-tz=') === -1) {
      document.cookie = 'kindred-tz=' + zone.replace(/\//g, '~') + '; path=/; max-age=31536000; samesite=lax';
    }
  } catch (e) { /* dates stay in Europe/Helsinki */ }
})();
