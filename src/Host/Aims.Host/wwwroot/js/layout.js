// Runs in the head: with JavaScript the header may fold its links behind USWDS's "Menu" button; without it
// (html keeps "no-js") site.css leaves them listed, so the navigation works either way.
document.documentElement.classList.remove('no-js');
