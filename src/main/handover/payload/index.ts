/**
 * What moves in a handover (issue 21), for the bundle and flow around it: extract one young
 * person as a plain JSON payload, preview and import it at the recipient, and the sender's
 * read-only state and settlement after the receipt. Every function takes the call's context
 * `s` as the dispatcher builds it.
 */
export { extractPersonPayload } from './extract';
export { previewPayload } from './preview';
export { importPersonPayload, type ImportOptions, type ImportResult } from './import';
export { markHandedOver, settleHandover, type MarkOptions, type SettleResult } from './settle';
export { currentSchemaVersion } from './validate';
export { handoverPayload, type HandoverPayload, type PayloadPreview } from '../../../shared/handover';
