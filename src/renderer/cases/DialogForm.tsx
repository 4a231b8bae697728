import type { CaseDetail } from '../../shared/cases';

/** What every case dialog gets from the detail screen. */
export interface CaseDialogProps {
  detail: CaseDetail;
  today: string;
  /** The write succeeded: the fresh case and a sentence saying what happened. */
  onDone: (detail: CaseDetail, message: string) => void;
  onClose: () => void;
}
