import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { districtSchema, effortSchema } from '../../shared/cases';
import { api } from '../core/api';

type District = z.infer<typeof districtSchema>;
type Effort = z.infer<typeof effortSchema>;

/** Reference data for the case forms: active districts (in their order), coordinators in use and efforts. */
export function useReference(options: { efforts?: boolean } = {}) {
  const [districts, setDistricts] = useState<District[]>([]);
  const [coordinators, setCoordinators] = useState<string[]>([]);
  const [efforts, setEfforts] = useState<Effort[]>([]);
  const wantEfforts = options.efforts ?? false;
  useEffect(() => {
    let live = true;
    void Promise.all([api['districts.list']({}), api['cases.coordinators']({}), wantEfforts ? api['efforts.list']({}) : null]).then(([d, c, e]) => {
      if (!live) return;
      if (d.ok) setDistricts(d.value.filter((x) => x.active).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'da')));
      if (c.ok) setCoordinators(c.value);
      if (e?.ok) setEfforts(e.value.filter((x) => x.active).sort((a, b) => a.name.localeCompare(b.name, 'da')));
    });
    return () => {
      live = false;
    };
  }, [wantEfforts]);
  return { districts, coordinators, efforts };
}
