// The idle sign-out warning (WCAG 2.2.1; ADR 0038). The session cookie slides with every request, so a page counts
// from when it was loaded: two minutes before the idle limit it saves the filing form's draft (through the form's own
// "Save draft" handler, only if the form changed since the last save, so a browser left alone is still signed out)
// and opens the modal; "Stay signed in" asks the server once, which renews the cookie. At the limit the page goes to
// the sign-in page, which brings the person back here afterwards.
(function () {
  'use strict';
  var config = document.getElementById('aims-session');
  if (!config) {
    return;
  }

  var idleMs = Number(config.dataset.idleSeconds) * 1000;
  var warnMs = Number(config.dataset.warnSeconds) * 1000;
  var warnTimer = null;
  var endTimer = null;
  var draftButton = document.querySelector('form button[formaction*="handler=Save"]');
  var draftForm = draftButton ? draftButton.form : null;
  var savedSnapshot = draftForm ? snapshot(draftForm) : null;

  function snapshot(form) {
    var data = new FormData(form);
    data.delete('__RequestVerificationToken');
    return new URLSearchParams(data).toString();
  }

  function saveDraft() {
    if (!draftForm || snapshot(draftForm) === savedSnapshot) {
      return Promise.resolve(false);
    }

    var body = new FormData(draftForm);
    return fetch(draftButton.getAttribute('formaction'), { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (response) {
        var draft = new URL(response.url).searchParams.get('draft');
        if (!response.ok || !draft) {
          return false;
        }

        // Later saves and the filing itself carry this draft, so it is kept once, not copied.
        var field = draftForm.querySelector('input[name="Draft"]');
        if (!field) {
          field = document.createElement('input');
          field.type = 'hidden';
          field.name = 'Draft';
          draftForm.appendChild(field);
        }

        field.value = draft;
        savedSnapshot = snapshot(draftForm);
        history.replaceState(null, '', response.url);
        return true;
      })
      .catch(function () { return false; });
  }

  function warn() {
    saveDraft().then(function (saved) {
      document.getElementById('session-timeout-draft').hidden = !saved;
      document.getElementById('session-timeout-open').click();
    });
  }

  function end() {
    window.location.assign(config.dataset.signIn + '?ReturnUrl=' + encodeURIComponent(window.location.pathname + window.location.search));
  }

  function start() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    warnTimer = window.setTimeout(warn, Math.max(0, idleMs - warnMs));
    endTimer = window.setTimeout(end, idleMs);
  }

  document.getElementById('session-timeout-stay').addEventListener('click', function () {
    fetch(config.dataset.keepAlive, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.ok) {
          start();
        } else {
          end();
        }
      })
      .catch(start);
  });

  start();
})();
