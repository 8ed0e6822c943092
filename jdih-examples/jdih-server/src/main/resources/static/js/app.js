// jdih-server pages: the only script (the Content-Security-Policy allows no inline one). A live character count
// for each textarea with data-limit and data-counter (the caption); the server checks the limit again.
(function () {
  'use strict';
  document.querySelectorAll('textarea[data-limit][data-counter]').forEach(function (area) {
    var out = document.getElementById(area.getAttribute('data-counter'));
    var limit = parseInt(area.getAttribute('data-limit'), 10);
    if (!out || !limit) { return; }
    var update = function () {
      var n = Array.from(area.value).length;
      out.textContent = n + ' / ' + limit;
      out.parentNode.classList.toggle('over', n > limit);
    };
    area.addEventListener('input', update);
    update();
  });
})();
