// Marks the page as scripted before first paint, so CSS can hide no-JS fallbacks.
// A file, not an inline script: the public Content Security Policy forbids inline code.
document.documentElement.classList.replace("no-js", "js");
