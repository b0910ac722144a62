// Wagtail 8 and wagtail-localize 1.14 write a few admin strings in English outside gettext (hard-coded in
// templates and bundles, column labels made from field names, permission names stored in English), so no
// catalogue can translate them. Translate them here with the admin's own JavaScript catalogue
// (locale_overrides/*/LC_MESSAGES/djangojs.po), in the user's admin language. Only exact, known strings in
// the admin's own furniture are touched, never what editors wrote.
(() => {
  const t = (text) => (window.gettext ? window.gettext(text) : text);
  const fill = (format, values) => (window.interpolate ? window.interpolate(t(format), values, true) : null);

  // Whole strings, where Wagtail shows them: header search buttons, column headers made from field names
  // (sites listing), model names without a verbose_name (wagtail-localize), the choosers' locale filter.
  // The login form's password field (no label in Wagtail's LoginForm, so Django shows "Password").
  const EXACT = ['Search', 'Actions', 'More actions', 'Locale', 'Site name', 'Root page', 'Port', 'Translation', 'Password'];
  const ELEMENTS = 'th, td.title h3, label, .w-sr-only, .w-label-3';
  const PATTERNS = [
    // Group permissions: Django stores "Can add <model>" in English; the row's title is the translated model.
    [/^Can (add|change|delete|view) .+$/, (match, el) => {
      const row = el.closest('tr');
      const title = row && row.querySelector('td.title');
      return title ? fill(`Can ${match[1]} %(name)s`, { name: title.textContent.trim() }) : null;
    }],
    // wagtail-localize's locales listing: "16 pages + 8 others".
    [/^(\d+) pages \+ (\d+) others$/, (match) => fill('%(pages)s pages + %(others)s others', { pages: match[1], others: match[2] })],
    [/^(\d+) pages$/, (match) => fill('%(pages)s pages', { pages: match[1] })],
    // wagtail-localize's translation editor: "<source language> to <target language> translation".
    [/^(.+) to (.+) translation$/, (match) => fill('%(source)s to %(target)s translation', { source: match[1], target: match[2] })],
  ];
  const PATTERN_ELEMENTS = `${ELEMENTS}, td, .js-translation-editor h2, .js-translation-editor h3`;

  const translated = (text, el) => {
    if (EXACT.includes(text)) return t(text);
    for (const [pattern, replace] of PATTERNS) {
      const match = text.match(pattern);
      const result = match && replace(match, el);
      if (result) return result;
    }
    return null;
  };

  // The element's own text, so a label keeps its required-field mark and other children.
  const translateText = (el) => {
    el.childNodes.forEach((node) => {
      const text = node.nodeType === Node.TEXT_NODE ? node.nodeValue.trim() : '';
      const result = text && translated(text, el);
      if (result && result !== text) node.nodeValue = node.nodeValue.replace(text, result);
    });
  };

  const translate = (root) => {
    root.querySelectorAll('input[type="submit"][value="Search"]').forEach((el) => { el.value = t('Search'); });
    root.querySelectorAll('nav[aria-label="Actions"]').forEach((el) => el.setAttribute('aria-label', t('Actions')));
    root.querySelectorAll(PATTERN_ELEMENTS).forEach(translateText);
  };

  const start = () => {
    translate(document);
    // Choosers, dialogs and wagtail-localize's React editor arrive after the page.
    new MutationObserver((records) => {
      if (records.some((record) => record.addedNodes.length)) translate(document);
    }).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
