/**
 * What the safety fixtures (e2e/fixtures/safety) and the saved real pages must
 * show underlined, shared by the Chromium and Firefox safety tests.
 */

/** What each fixture must show underlined, per frame ('' = top); every name elsewhere on it must not be. */
export const EXPECTED: Record<string, Record<string, string[]>> = {
  // Names inside editors (contenteditable, plaintext-only, a designMode frame) are not underlined.
  'editor.html': { '': ['Mike Pompeo', 'Nasser Kanaani'], '0': [] },
  // Label and legend are prose; the input's value, placeholder, textarea and options are not.
  'forms.html': { '': ['Mike Pompeo', 'Nasser Kanaani'] },
  'svg.html': { '': ['Qassem Soleimani'] },
  // <kbd> is prose; <pre> and <code> are not.
  'code.html': { '': ['Nasser Kanaani', 'Qassem Soleimani'] },
  'whitespace.html': { '': ['Hassan Rouhani', 'Mike Pompeo', 'Mohammad Javad Zarif', 'Mustafa al-Kadhimi'] },
  // Slotted light-DOM text and the text inside the component's open shadow root are both underlined.
  'shadow.html': { '': ['Hassan Rouhani', 'Mike Pompeo', 'Mohammad Javad Zarif'] },
  // Same-origin frames (srcdoc and a served page) are underlined in their own registries.
  'iframes.html': { '': ['Mike Pompeo'], '0': ['Hassan Rouhani'], '1': ['Mohammad Javad Zarif'] },
  // Latin names inside Arabic and Persian paragraphs, and the Arabic-script aliases the corpus has.
  'rtl.html': {
    '': ['Hassan Rouhani', 'Mike Pompeo', 'Mohammad Javad Zarif', 'Mustafa al-Kadhimi', 'Qassem Soleimani', 'حسن روحانی', 'محمد جواد ظريف', 'مصطفى الكاظمي', 'ناصر کنعانی'],
  },
  'react-like.html': { '': ['Mike Pompeo', 'Mohammad Javad Zarif', 'Mustafa al-Kadhimi'] },
  // A zero-width joiner or space inside a name still matches (pages put break hints in long words);
  // the range keeps the page's own characters. Text inside the page's look-alike host element is
  // skipped like ours.
  'hostile.html': { '': ['Hassan Rouhani', 'Kadhimi', 'Mike Pompeo', 'Mohammad Javad Zarif', 'Pomp\u200Beo', 'Qassem Soleimani', 'Za\u200Drif'] },
  'plain.html': { '': [] },
};

/** Saved pages that name nobody from the corpus (with the default types: people and organisations). */
export const NAMELESS_PAGES = new Set(['cnn-arabic.html', 'guardian-1.html', 'mozilla-1.html']);
