// Passkey ceremonies for forms marked data-passkey="create" (add a passkey) or "get" (sign in with one): ask the
// server for options, let the device create or use the passkey, put its JSON answer in the form's Credential field
// and submit. Uses the browser's JSON helpers where it has them, and converts by hand where it does not.
(() => {
  const form = document.querySelector('form[data-passkey]');
  if (!form) return;
  const errorBox = document.querySelector('[data-passkey-error]');

  const showError = (message) => {
    errorBox.querySelector('p').textContent = message;
    errorBox.hidden = false;
    errorBox.focus?.();
  };

  const fromBase64Url = (text) => {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer;
  };

  const toBase64Url = (buffer) =>
    btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  const withIds = (list) => (list || []).map((c) => ({ ...c, id: fromBase64Url(c.id) }));

  const creationOptions = (json) => PublicKeyCredential.parseCreationOptionsFromJSON
    ? PublicKeyCredential.parseCreationOptionsFromJSON(json)
    : { ...json, challenge: fromBase64Url(json.challenge), user: { ...json.user, id: fromBase64Url(json.user.id) }, excludeCredentials: withIds(json.excludeCredentials) };

  const requestOptions = (json) => PublicKeyCredential.parseRequestOptionsFromJSON
    ? PublicKeyCredential.parseRequestOptionsFromJSON(json)
    : { ...json, challenge: fromBase64Url(json.challenge), allowCredentials: withIds(json.allowCredentials) };

  const credentialJson = (credential) => {
    if (typeof credential.toJSON === 'function') return credential.toJSON();
    const r = credential.response;
    const response = r.attestationObject
      ? { clientDataJSON: toBase64Url(r.clientDataJSON), attestationObject: toBase64Url(r.attestationObject), transports: r.getTransports?.() ?? [] }
      : {
        clientDataJSON: toBase64Url(r.clientDataJSON), authenticatorData: toBase64Url(r.authenticatorData),
        signature: toBase64Url(r.signature), userHandle: r.userHandle ? toBase64Url(r.userHandle) : null,
      };
    return {
      id: credential.id, rawId: toBase64Url(credential.rawId), type: credential.type, response,
      authenticatorAttachment: credential.authenticatorAttachment ?? null, clientExtensionResults: credential.getClientExtensionResults(),
    };
  };

  if (!window.PublicKeyCredential) {
    form.querySelector('button[type="submit"]').disabled = true;
    showError('This browser cannot use passkeys. Use a current version of Chrome, Edge, Firefox or Safari.');
    return;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = form.querySelector('input[name="Name"]');
    if (name && !name.value.trim()) {
      // Let the server say so beside the field, without asking the device for a passkey first.
      form.submit();
      return;
    }

    try {
      const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
      const response = await fetch(form.dataset.optionsUrl, { method: 'POST', credentials: 'same-origin', headers: { RequestVerificationToken: token } });
      if (response.redirected || !response.ok) {
        // An old session is sent to confirm the password first; follow it there.
        window.location.assign(response.redirected ? response.url : window.location.href);
        return;
      }

      const options = await response.json();
      const credential = form.dataset.passkey === 'create'
        ? await navigator.credentials.create({ publicKey: creationOptions(options) })
        : await navigator.credentials.get({ publicKey: requestOptions(options) });
      form.querySelector('input[name="Credential"]').value = JSON.stringify(credentialJson(credential));
      form.submit();
    } catch (error) {
      showError(error?.name === 'NotAllowedError'
        ? 'The passkey request was cancelled or timed out. Try again when you are ready.'
        : 'Your device could not use a passkey here. Try again, or use another device.');
    }
  });
})();
