import {
  REGISTRATION_COMMENT_KINDS,
  registrationCommentText,
  type RegistrationCommentKind,
} from './comments';

describe('registrationCommentText (§7.13.2)', () => {
  it('writes the circular\'s texts word for word, dated dd/mm/yyyy', () => {
    expect(registrationCommentText('GRANT', '2026-12-01'))
      .toBe('stalking alarm décidée le 01/12/2026');
    expect(registrationCommentText('PROLONGATION', '2027-09-01'))
      .toBe('prolongation stalking alarm décidée le 01/09/2027');
    expect(registrationCommentText('END', '2028-06-30'))
      .toBe('stalking alarm ayant pris fin le 30/06/2028');
  });

  it('writes the accent as one character, as MaCH stores it', () => {
    const text = registrationCommentText('GRANT', '2026-12-01');
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('\u00e9');
  });

  it('has a text for every kind', () => {
    for (const kind of REGISTRATION_COMMENT_KINDS) {
      expect(registrationCommentText(kind, '2026-01-02'))
        .toMatch(/02\/01\/2026$/);
    }
  });

  it('rejects a malformed date or an unknown kind, showing the value', () => {
    expect(() => registrationCommentText('GRANT', '01/12/2026'))
      .toThrow('"01/12/2026"');
    expect(() => registrationCommentText('OTHER' as RegistrationCommentKind,
      '2026-12-01')).toThrow('"OTHER"');
  });
});
