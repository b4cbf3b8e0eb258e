// The dashboard's script (served as /dashboard/app.js, allowed by the page's nonce). Two conveniences, and the page
// reads the same without them: a box that filters the buildings shown, and a reload every 30 s so the numbers
// follow the group. The filter survives the reload (sessionStorage, this tab only).
(function () {
  'use strict';
  var box = document.getElementById('filter');
  var key = 'chainbot-dashboard-filter';

  function apply() {
    var wanted = box.value.trim();
    try { sessionStorage.setItem(key, wanted); } catch (e) { /* private mode: the filter just does not survive */ }
    document.querySelectorAll('[data-building]').forEach(function (row) {
      var shown = wanted === '' || row.getAttribute('data-building').indexOf(wanted) >= 0;
      row.style.display = shown ? '' : 'none';
    });
  }

  if (box) {
    box.hidden = false;
    try { box.value = sessionStorage.getItem(key) || ''; } catch (e) { box.value = ''; }
    box.addEventListener('input', apply);
    apply();
  }

  var seconds = Number(document.body.getAttribute('data-refresh')) || 0;
  if (seconds > 0) {
    setInterval(function () {
      // Not while someone types in the filter, nor in a tab nobody looks at.
      if (document.visibilityState === 'visible' && document.activeElement !== box) {
        location.reload();
      }
    }, seconds * 1000);
  }
})();
