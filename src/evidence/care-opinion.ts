/**
 * A stage mapping for event logs shaped like a Care Opinion export, one row per event
 * of a story: columns `Story ID`, `Event`, `Date`, `Responder` (and any others, such as
 * the story's title or text, which are skipped); events `story published` (raised),
 * `response` (replied), `change planned` (decided) and `change made` (changed), plus
 * `story read by service` (received). Add `actors` (which responder is which model
 * actor) and, if the stories stand for a model asset, `sources`, e.g.
 * `{ ...careOpinionMapping, actors: { 'Ward 7 manager': 'ward-manager' }, sources: { 'story published': 'patient-stories' } }`.
 * Care Opinion's public API and exports differ by subscription; rename the columns in
 * `columns` where yours differ.
 * @category Evidence
 */
export const careOpinionMapping = {
  stages: {
    raised: ['story published'],
    received: ['story read by service'],
    decided: ['change planned'],
    changed: ['change made'],
    replied: ['response'],
  },
  ignore: ['story updated', 'response updated'],
  columns: { case: 'Story ID', activity: 'Event', timestamp: 'Date', resource: 'Responder' },
} as const
