// Tells the server the browser's time zone, so that dates show in the viewer's zone before they sign in.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf('kindred-tz=') === -1) {
      document.cookie = 'kindred-tz=' + zone.replace(/\//g, '~') + '; path=/; max-age=31536000; samesite=lax';
    }
  } catch (e) { /* dates stay in Europe/Helsinki */ }
})();

// A page that comes back with a form's problems opens at them: the focus goes to the summary of what to correct
// (or the refusal, which a long page such as the mentors' workspace shows beside the form it refused), else to the
// first field told it is wrong, so keyboard and screen-reader users start there and everyone sees it. Without script
// the summary still comes first in its form and each message stays at its field.
(function () {
  var message = document.querySelector('main .error-summary') || document.querySelector('main [aria-invalid="true"]');
  if (!message) {
    return;
  }
  if (!message.matches('input, select, textarea, button, a[href]') && !message.hasAttribute('tabindex')) {
    message.setAttribute('tabindex', '-1');
  }
  message.focus();
})();

// The account page: the browser's own time zone among the likely ones at the top of the list. Not chosen for the
// person: saving their name must not move their times without their saying so.
(function () {
  var likely = document.querySelector('select[data-browser-zone] optgroup');
  if (!likely) {
    return;
  }
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var options = likely.parentNode.options;
    var known = false, option = null;
    for (var i = 0; i < options.length; i++) {
      if (options[i].value === zone) {
        known = true;
        option = options[i].parentNode === likely ? options[i] : null;
      }
    }
    if (!known || option) {
      return;
    }
    option = document.createElement('option');
    option.value = zone;
    option.textContent = zone;
    likely.insertBefore(option, likely.firstChild);
    // The same zone in the full list would be a second option of one value
    for (var j = options.length - 1; j >= 0; j--) {
      if (options[j].value === zone && options[j] !== option) {
        option.selected = options[j].selected;
        options[j].parentNode.removeChild(options[j]);
      }
    }
  } catch (e) { /* the list stays as the server sent it */ }
})();
