/**
 * A stage mapping for the activities {@link readFhirEvents} reads from a FHIR R4 Bundle:
 * a `Communication` that opens a thread or a `QuestionnaireResponse` is raised, its
 * `received` time and a Task `received` are received, a Task `accepted` is decided, a
 * Task `completed` is changed, a `Communication reply` is replied and its `received`
 * time is the reply seen. Statuses that mean nothing was sent or nothing happened yet
 * (`Task requested`, `Task in-progress`, `Communication not-done`…) and follow-ups by
 * whoever opened the thread are known but are not stages. Add `actors` (which reference
 * is which model actor) and, if you map them, your `Task business status <code>`
 * activities, e.g. `{ ...fhirStageMapping, actors: { 'Organization/ward-7': 'ward-manager' } }`.
 * @category Evidence
 */
export const fhirStageMapping = {
  stages: {
    raised: ['Communication', 'QuestionnaireResponse'],
    received: ['Communication received', 'Task received'],
    decided: ['Task accepted'],
    changed: ['Task completed'],
    replied: ['Communication reply'],
    seen: ['Communication reply received'],
  },
  ignore: [
    'Communication follow-up',
    'Communication follow-up received',
    'Communication preparation',
    'Communication not-done',
    'Communication entered-in-error',
    'QuestionnaireResponse in-progress',
    'QuestionnaireResponse stopped',
    'QuestionnaireResponse entered-in-error',
    'Task draft',
    'Task requested',
    'Task ready',
    'Task in-progress',
    'Task on-hold',
    'Task rejected',
    'Task cancelled',
    'Task failed',
    'Task entered-in-error',
  ],
} as const
