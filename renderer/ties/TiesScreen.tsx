import { useState } from 'react';
import type { Lang } from '../../shared/i18n';
import type { TieRow } from '../../shared/model';
import { RegistryGrid } from '../grid/RegistryGrid';
import { interchangeToolbar } from '../interchange/GridInterchange';
import { useReference } from '../reference';
import { TieDetail } from './TieDetail';
import { tiesGrid } from './tiesGrid';

export function TiesScreen({ lang }: { lang: Lang }) {
  const reference = useReference();
  const [detail, setDetail] = useState<TieRow | null>(null);
  if (!reference) return null;
  return (
    <>
      <RegistryGrid
        spec={tiesGrid}
        lang={lang}
        reference={reference}
        toolbar={(grid) => interchangeToolbar(grid, reference)}
        onRowAction={setDetail}
      />
      {detail ? (
        <TieDetail
          tieId={detail.id}
          lang={lang}
          reference={reference}
          onClose={() => setDetail(null)}
        />
      ) : null}
    </>
  );
}
