/** Plain-language descriptions of the filters' reason codes. Unknown codes are shown raw. */
const REASONS = {
  'link-count': 'Contains many links.',
  'blocked-word': 'Uses a word on the blocked list.',
  'suspect-word': 'Uses a word on the watch list.',
  'spam-model': 'The spam model finds it similar to known spam.',
  'toxicity-model': 'The toxicity model finds it hostile or abusive.',
  'insult': 'Appears to insult someone.',
  'severe-toxicity': 'Appears to be severely toxic (threats, slurs or hate).',
  'honeypot': 'A hidden field that only bots fill in was filled in.',
  'form-token-missing': 'Sent without the comment form\'s token (likely not from the page).',
  'form-token-invalid': 'Sent with an invalid form token.',
  'form-token-expired': 'Sent with a form token that had expired (the page was open very long).',
  'too-fast': 'Sent faster than a person could type it.',
  'duplicate': 'Repeats a comment that was already posted.',
  'near-duplicate': 'Is almost identical to a recent comment.',
  'blocked-domain': 'Links to a blocked website.',
  'suspicious-domain': 'Links to a website often used for spam.',
  'url-shortener': 'Uses a link shortener that hides the real destination.',
  'repeated-domain': 'Links to the same website as many recent comments.',
  'blocked-name': 'The author name is on the blocked list.',
  'blocked-client': 'Comes from a blocked client.',
  'filter-error': 'A filter failed, so it was held for a person to check.',
  'toxicity-unavailable': 'The toxicity check was unavailable, so it was held to be safe.',
};

export function describeReason(code) {
  return REASONS[code] ?? code;
}

/**
 * Reasons of one score as display rows. Uses the details (with contributions) when the server
 * sends them, otherwise the bare codes.
 */
export function reasonRows(score) {
  if (!score) return [];
  if (Array.isArray(score.details) && score.details.length) {
    return score.details.map((d) => ({
      code: d.reason,
      text: describeReason(d.reason),
      detail: d.detail || '',
      contribution: typeof d.contribution === 'number' ? d.contribution : null,
    }));
  }
  return (score.reasons || []).map((code) => ({
    code, text: describeReason(code), detail: '', contribution: null,
  }));
}
