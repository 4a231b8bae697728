import { useEffect, useState } from 'react';
import { api } from '../core/api';
import { t, tCount } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Button } from '../core/ui/Button';

/**
 * In the header while a backup is due (none in the last backupReminderDays): a button to
 * Sikkerhedskopier. Asks main again on every navigation, so it goes once a backup is taken.
 */
export function BackupReminder() {
  const { route, navigate } = useRouter();
  const [due, setDue] = useState<{ days: number; never: boolean } | null>(null);
  useEffect(() => {
    let live = true;
    void api['backup.status']({}).then((r) => {
      if (live && r.ok) setDue(r.value.reminderDue ? { days: r.value.reminderDays, never: !r.value.lastBackupAt } : null);
    });
    return () => {
      live = false;
    };
  }, [route]);
  if (!due || (route.area === 'settings' && route.screen === 'backups')) return null;
  return (
    <Button variant="secondary" icon="warning" className="backup-reminder-button" data-testid="backup-reminder" onClick={() => navigate({ area: 'settings', screen: 'backups' })}>
      {t('settings.reminder.button')}
      <span className="sr-only">
        {' '}
        {due.never ? t('settings.reminder.never') : tCount('settings.reminder.old.one', 'settings.reminder.old.other', due.days, { days: due.days })}
      </span>
    </Button>
  );
}
