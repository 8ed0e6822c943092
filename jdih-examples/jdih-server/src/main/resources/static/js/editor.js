// The SOP editor's live check (jdih-server, /admin/sop): as the administrator edits, the form is posted (with its
// CSRF field) to the preview address, debounced, and the findings and document preview are replaced by the
// server's HTML fragment. Without this script the "Periksa" button does the same round trip.
(function () {
  'use strict';
  var form = document.getElementById('sop-editor');
  var out = document.getElementById('sop-preview');
  if (!form || !out || !window.fetch) { return; }
  var url = form.getAttribute('data-preview');
  var timer = null;
  var sent = 0;
  var shown = 0;
  function send() {
    var body = new URLSearchParams(new FormData(form));
    body.delete('op');
    var mine = ++sent;
    out.setAttribute('aria-busy', 'true');
    fetch(url, { method: 'POST', body: body, credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(new Error(String(r.status))); })
      .then(function (html) {
        if (mine > shown) {
          shown = mine;
          out.innerHTML = html;
          out.setAttribute('data-checked', String(mine));
        }
      })
      .catch(function () { /* the "Periksa" button still works */ })
      .then(function () { if (mine === sent) { out.removeAttribute('aria-busy'); } });
  }
  function later() {
    clearTimeout(timer);
    timer = setTimeout(send, 400);
  }
  form.addEventListener('input', later);
  form.addEventListener('change', later);
})();
