// jdih-server pages: the only script (the Content-Security-Policy allows no inline one). Every page works without
// it; it only helps: live caption counts per target platform, and the legal product's fields shown for a legal
// product only. The server checks everything again with the library's rules.
(function () {
  'use strict';

  // --- Counting as the library does (id.go.kpu.jdih.publish.CaptionCounting / XTextCounter) ---------------------

  // Top-level domains a bare domain may end in: the common ones and Indonesia's (the library knows them all; this
  // is an estimate, the server judges).
  var TLDS = 'com|net|org|id|info|biz|io|co|gov|edu|me|ly|app|dev|xyz|online|site|web|my|sg|uk|us|int|news|tv';
  var SCHEME_URL = 'https?:\\/\\/[^\\s<>"]+';
  var BARE_URL = '(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:' + TLDS + ')(?![a-z0-9_-])(?::\\d{1,5})?' +
      '(?:[\\/?#][^\\s<>"]*)?';
  var URL = new RegExp(SCHEME_URL + '|' + BARE_URL, 'giu');
  // One emoji sequence: flags, keycaps, pictographs with skin tone, VS16 and tags, joined by ZWJ.
  var ELEMENT = '(?:\\p{RI}\\p{RI}?|[0-9#*]\\uFE0F?\\u20E3|(?:\\p{Extended_Pictographic}|\\p{Emoji_Modifier})' +
      '\\p{Emoji_Modifier}?\\uFE0F?(?:[\\u{E0020}-\\u{E007E}]+\\u{E007F})?)';
  var EMOJI = new RegExp('^' + ELEMENT + '(?:\\u200D' + ELEMENT + ')*', 'u');
  var LIGHT = [[0x0000, 0x10FF], [0x2000, 0x200D], [0x2010, 0x201F], [0x2032, 0x2037]];

  function weight(cp) {
    for (var k = 0; k < LIGHT.length; k++) {
      if (cp >= LIGHT[k][0] && cp <= LIGHT[k][1]) { return 1; }
    }
    return 2;
  }

  // What ends a sentence rather than the URL: "lihat jdih.kpu.go.id." or "(lihat https://kpu.go.id)".
  function trimUrl(u) {
    var open = (u.match(/\(/g) || []).length - (u.match(/\)/g) || []).length;
    while (u.length) {
      var c = u.charAt(u.length - 1);
      if (".,;:!?'\"".indexOf(c) >= 0) { u = u.slice(0, -1); } else if (c === ')' && open < 0) {
        u = u.slice(0, -1); open++;
      } else { break; }
    }
    return u;
  }

  function urlSpans(s) {
    var spans = [];
    var m;
    URL.lastIndex = 0;
    while ((m = URL.exec(s)) !== null) {
      var before = m.index > 0 ? s.charAt(m.index - 1) : '';
      var t = trimUrl(m[0]);
      if (before && /[\p{L}\p{M}\p{N}@.\-_\/#$]/u.test(before)) { URL.lastIndex = m.index + 1; continue; }
      if (t.length) { spans.push([m.index, m.index + t.length]); }
    }
    return spans;
  }

  function xWeighted(text) {
    var s = text.normalize('NFC');
    var urls = urlSpans(s);
    var n = 0;
    var i = 0;
    var u = 0;
    while (i < s.length) {
      while (u < urls.length && urls[u][0] < i) { u++; }
      if (u < urls.length && urls[u][0] === i) { n += 23; i = urls[u][1]; u++; continue; }
      var e = EMOJI.exec(s.slice(i, i + 64));
      var cp = s.codePointAt(i);
      // A bare © or ® without VS16 is text, weighted 1 (as in the library).
      if (e && !(e[0].length === String.fromCodePoint(cp).length && weight(cp) === 1)) {
        n += 2; i += e[0].length; continue;
      }
      n += weight(cp);
      i += cp > 0xFFFF ? 2 : 1;
    }
    return n;
  }

  function count(counting, text) {
    if (counting === 'X_WEIGHTED') { return xWeighted(text); }
    if (counting === 'UTF16_UNITS') { return text.length; }
    return Array.from(text).length; // code points
  }

  var fmt = new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en' : 'id');

  document.querySelectorAll('textarea[data-counters]').forEach(function (area) {
    var box = document.getElementById(area.getAttribute('data-counters'));
    if (!box) { return; }
    var outs = box.querySelectorAll('output[data-counting]');
    var update = function () {
      var text = area.value.trim(); // the server strips the caption before checking it
      var over = false;
      outs.forEach(function (out) {
        var limit = parseInt(out.getAttribute('data-limit'), 10);
        var n = count(out.getAttribute('data-counting'), text);
        out.textContent = fmt.format(n) + ' / ' + fmt.format(limit);
        out.parentNode.classList.toggle('over', n > limit);
        over = over || n > limit;
      });
      area.classList.toggle('over-limit', over);
    };
    area.addEventListener('input', update);
    update();
  });

  // --- The legal product's fields, for a legal product only ----------------------------------------------------
  document.querySelectorAll('fieldset[data-show-for][data-category]').forEach(function (set) {
    var select = document.getElementById(set.getAttribute('data-category'));
    if (!select) { return; }
    var show = function () { set.hidden = select.value !== set.getAttribute('data-show-for'); };
    select.addEventListener('change', show);
    show();
  });
})();
