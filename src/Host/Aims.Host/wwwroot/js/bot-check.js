// Solves the bot check (an ALTCHA-style proof of work) in the browser, then fills the form's hidden field with the
// solution. A person waits a moment; a bot submitting thousands of forms pays for every one.
(() => {
  const encoder = new TextEncoder();
  const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

  async function solve(box) {
    const field = box.querySelector('input[type="hidden"]');
    const status = box.querySelector('[data-bot-check-status]');
    try {
      const response = await fetch(box.dataset.botCheck, { credentials: 'same-origin', cache: 'no-store' });
      const challenge = await response.json();
      for (let number = 0; number <= challenge.maxNumber; number++) {
        const digest = await crypto.subtle.digest('SHA-256', encoder.encode(challenge.salt + number));
        if (hex(digest) === challenge.challenge) {
          field.value = btoa(JSON.stringify({
            algorithm: challenge.algorithm, challenge: challenge.challenge, number,
            salt: challenge.salt, signature: challenge.signature,
          }));
          status.textContent = status.dataset.done;
          return;
        }
      }
      throw new Error('No solution found.');
    } catch {
      status.textContent = status.dataset.failed;
    }
  }

  document.querySelectorAll('[data-bot-check]').forEach(solve);
})();
