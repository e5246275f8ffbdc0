import type { Diagnosis } from './diagnose.js'
import { formatDiagnosisMarkdown } from './format-markdown.js'
import { formatDiagnosisText } from './format-text.js'

/** The output formats of {@link formatDiagnosis}. @category Diagnosis */
export type DiagnosisFormat = 'text' | 'markdown' | 'json'

/** The version tag of the JSON format. @category Diagnosis */
export const diagnosisFormatVersion = 'orgintel-diagnosis/v2' as const

/**
 * Format a diagnosis for people or machines.
 *
 * - `text`: for terminals; a summary line, defects grouped by level, most severe first,
 *   the repairs, and the main scorecard figures.
 * - `markdown`: for reports to boards; headings, a scorecard table, a defect table per level.
 * - `json`: for machines; stable (keys in a fixed order, two-space indent, ending in a
 *   newline) and versioned: `{ "format": "orgintel-diagnosis/v2", "model", "defects",
 *   "summary", "scorecard", "truncated", "options" }`, each field as in {@link Diagnosis}.
 *   Fields may be added in v1; none is renamed or removed.
 *
 * Messages quote ids, not names, unless the diagnosis ran with `names: true`.
 *
 * @example
 * {@includeCode ../../examples/format-diagnosis.ts#format}
 * @category Diagnosis
 */
export const formatDiagnosis = (diagnosis: Diagnosis, format: DiagnosisFormat): string => {
  switch (format) {
    case 'text':
      return formatDiagnosisText(diagnosis)
    case 'markdown':
      return formatDiagnosisMarkdown(diagnosis)
    case 'json':
      return `${JSON.stringify(
        {
          format: diagnosisFormatVersion,
          model: diagnosis.model,
          defects: diagnosis.defects,
          summary: diagnosis.summary,
          scorecard: diagnosis.scorecard,
          truncated: diagnosis.truncated,
          options: diagnosis.options,
        },
        null,
        2,
      )}\n`
  }
}
