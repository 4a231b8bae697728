import { api } from '../core/api';
import { t } from '../core/i18n';
import { DistrictAreas } from './DistrictAreas';
import { ReferenceList } from './ReferenceList';
import { SettingsPage } from './SettingsPage';
import { useLoad } from '../core/data/useLoad';

/** Bydele og indsatser: the two lists the case screens choose from. Add, rename, take out of use. */
export function RegistersScreen() {
  const districts = useLoad(() => api['districts.list']({}), []);
  const efforts = useLoad(() => api['efforts.list']({}), []);
  return (
    <SettingsPage current="registers" title={t('settings.registers.title')} lead={t('settings.registers.lead')}>
      <ReferenceList
        kind="district"
        data={districts.data}
        reload={districts.reload}
        save={async (item, all) => {
          const sortOrder = item.id ? all.find((d) => d.id === item.id)?.sortOrder : undefined;
          const nextOrder = Math.min(1000, Math.max(0, ...all.map((d) => d.sortOrder)) + 1);
          return api['districts.save']({ ...item, sortOrder: sortOrder ?? nextOrder });
        }}
      />
      <DistrictAreas data={districts.data} reload={districts.reload} />
      <ReferenceList kind="effort" data={efforts.data} reload={efforts.reload} save={(item) => api['efforts.save'](item)} />
    </SettingsPage>
  );
}
