// src/intake/shell-word.ts
function shellWord(value) {
  if (/^[A-Za-z0-9._/@%+=:,-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
function codeSpan(value) {
  return `\`${value.replace(/`/g, "'").replace(/[\r\n]+/g, " ")}\``;
}

export {
  shellWord,
  codeSpan
};
