"""A person's data rights (GDPR articles 15, 17 and 20) and how long note texts are kept.

- ``export``: everything stored about one user, as a ZIP of JSON files.
- ``erasure``: an account erased for good. What goes and what stays:

  Deleted or blanked — everything that says who the person was or what they wrote: name,
  email, password hash, help language; every note text and every draft; the teacher's
  comments on their notes and the passages they quote; the word typed in every drill answer;
  the drill items shown to them; group leadership. Signed competence cards are revoked (their
  public verify page says so) and lose the trainee's name with the account.

  Kept, anonymous — the counts their groups' pages are made of: the user row as a stand-in
  named "Raderat konto" (no email, no password, no way to log in) with its group memberships,
  each note and version with only the checker's finding kinds, positions and missing terms,
  and the drill cards with every review log's rating and time. Why: a group's insights
  (terms most often missing, findings by kind, improvement between versions) and its weakest
  words are the teacher's picture of the whole group; erasing one trainee should not change
  what the group as a whole practised. The words of findings are kept only where they come
  from the checker's own lists (colloquial and judgmental words, split compounds, measures);
  a misspelled word, a grammar passage or anything else written freely could be a name, so
  it is blanked and no longer listed "by word".

- ``retention``: ``ordvard purge-notes --older-than 18m`` blanks the texts of old note
  versions the same way, keeping the same anonymous counts.

The audit trail keeps its rows (ids only, no names or text): the erased person's id then
names nobody.
"""
