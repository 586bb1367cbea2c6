/**
 * A message's text as the conversation core is given it: invisible
 * characters first. Control characters (other than tab and line breaks)
 * become spaces: "marac" followed by a bell or an escape sequence is still
 * "marac". Bidirectional overrides and isolates, and zero-width spaces, are
 * removed: they only change how text is displayed, so what is searched (and,
 * in a reflective session, shown back in the summary) is the text as typed,
 * not a disguise of it. Zero-width joiners and non-joiners stay: emoji and
 * some scripts need them.
 *
 * Length needs nothing here: the core bounds its own work (search reads the
 * first 1,000 characters, a reflective answer keeps 2,000, an unanswered
 * question is cut before it is redacted), and the emergency check, which is
 * linear, reads the whole message.
 */

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Bidi marks, embeddings, overrides and isolates; zero-width space, word joiner, BOM. */
const DISPLAY_ONLY = /[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** The message as the core should see it (see above); anything but a string is passed on as it is. */
export function incomingText(text: string | undefined): string | undefined {
  if (typeof text !== 'string') return text;
  return text.replace(CONTROLS, ' ').replace(DISPLAY_ONLY, '');
}
