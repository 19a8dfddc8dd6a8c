// Sends the document upload form with a progress bar per file. Without this script the form posts as a plain
// multipart form and the server answers with a redirect, so nothing here is needed for uploading to work.
(function () {
  'use strict';

  function bar(list, name) {
    var item = document.createElement('li');
    var label = document.createElement('span');
    label.textContent = name + ': waiting';
    var progress = document.createElement('progress');
    progress.max = 100;
    progress.value = 0;
    progress.setAttribute('aria-label', name);
    item.appendChild(label);
    item.appendChild(progress);
    list.appendChild(item);
    return { label: label, progress: progress, name: name };
  }

  function send(form, fields, file, row) {
    // One request per file, so each bar is that file's own progress and one refusal names its file.
    return new Promise(function (resolve) {
      var data = new FormData();
      fields.forEach(function (pair) { data.append(pair[0], pair[1]); });
      data.append('files', file, file.name);
      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.setRequestHeader('Accept', 'application/json');
      request.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          row.progress.value = Math.round((e.loaded / e.total) * 100);
          row.label.textContent = row.name + ': ' + row.progress.value + '%';
        }
      });
      request.addEventListener('load', function () {
        var ok = request.status === 201;
        var body = {};
        try { body = JSON.parse(request.responseText); } catch (ignored) { body = {}; }
        row.progress.value = ok ? 100 : row.progress.value;
        row.label.textContent = row.name + ': ' + (ok ? 'uploaded' : (body.detail || 'refused (' + request.status + ')'));
        row.label.className = ok ? 'text-green' : 'text-secondary-dark';
        resolve(ok);
      });
      request.addEventListener('error', function () {
        row.label.textContent = row.name + ': the connection failed; try again';
        resolve(false);
      });
      request.send(data);
    });
  }

  document.querySelectorAll('form[data-aims-upload]').forEach(function (form) {
    var input = form.querySelector('input[type=file]');
    var list = form.querySelector('[data-aims-upload-progress]');
    form.addEventListener('dragover', function (e) { e.preventDefault(); });
    form.addEventListener('drop', function (e) {
      e.preventDefault();
      input.files = e.dataTransfer.files;
    });
    form.addEventListener('submit', function (e) {
      if (!window.FormData || input.files.length === 0) {
        return; // The server explains an empty submission.
      }
      e.preventDefault();
      var fields = [];
      new FormData(form).forEach(function (value, key) {
        if (key !== input.name) { fields.push([key, value]); }
      });
      list.innerHTML = '';
      var files = Array.prototype.slice.call(input.files);
      var rows = files.map(function (file) { return bar(list, file.name); });
      Promise.all(files.map(function (file, i) { return send(form, fields, file, rows[i]); })).then(function (results) {
        if (results.every(function (ok) { return ok; })) {
          window.location.assign(window.location.pathname + '#documents');
          window.location.reload();
        } else if (results.some(function (ok) { return ok; })) {
          var note = document.createElement('li');
          var reload = document.createElement('a');
          reload.href = window.location.pathname + '#documents';
          reload.textContent = 'Reload the appeal to see the files that were added.';
          note.appendChild(reload);
          list.appendChild(note);
        }
      });
    });
  });
}());
