import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audience } from '../../../shared/domain/notices/index.ts';
import type { Role } from '../../../shared/domain/user.ts';
import type { BridgeResult } from '../../../shared/bridge/contract.ts';
import { UserText } from '../../ui/UserText.tsx';
import { Button } from '../../ui/Button.tsx';
import { SearchField } from '../../ui/SearchField.tsx';

const ROLES: readonly Role[] = ['employee', 'leader', 'hr', 'publisher', 'finance', 'admin'];
const PEOPLE_SHOWN = 8;

type Options = BridgeResult<'notices.composeOptions'>;

/** Everyone, or any mix of departments (with head counts), roles and named people; people are searched, not scrolled. */
export function AudiencePicker({
  value,
  onChange,
  options,
}: {
  value: Audience;
  onChange: (next: Audience) => void;
  options: Options;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const toggle = <T,>(list: readonly T[], item: T): T[] =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  const matches = useMemo(() => {
    const q = search.trim().toLowerCase();
    if (!q) return [];
    return options.people
      .filter(
        (p) =>
          !value.userIds.includes(p.id) &&
          (p.name.toLowerCase().includes(q) || (p.departmentName ?? '').toLowerCase().includes(q)),
      )
      .slice(0, PEOPLE_SHOWN);
  }, [search, options.people, value.userIds]);
  const named = options.people.filter((p) => value.userIds.includes(p.id));
  return (
    <fieldset className="audience">
      <legend>{t('notices.form.audience')}</legend>
      <label className="check">
        <input type="checkbox" checked={value.everyone} onChange={(e) => onChange({ ...value, everyone: e.target.checked })} />
        {t('notices.form.everyone')}
      </label>
      {!value.everyone && (
        <>
          <div className="audience-group" role="group" aria-label={t('notices.form.departments')}>
            <span className="muted small">{t('notices.form.departments')}</span>
            {options.departments.map((d) => (
              <label key={d.id} className="check">
                <input
                  type="checkbox"
                  checked={value.departmentIds.includes(d.id)}
                  onChange={() => onChange({ ...value, departmentIds: toggle(value.departmentIds, d.id) })}
                />
                {t('notices.form.department', { name: d.name, count: d.members })}
              </label>
            ))}
          </div>
          <div className="audience-group" role="group" aria-label={t('notices.form.roles')}>
            <span className="muted small">{t('notices.form.roles')}</span>
            {ROLES.map((role) => (
              <label key={role} className="check">
                <input
                  type="checkbox"
                  checked={value.roles.includes(role)}
                  onChange={() => onChange({ ...value, roles: toggle(value.roles, role) })}
                />
                {t(`roles.${role}`)}
              </label>
            ))}
          </div>
          <div className="audience-group">
            <SearchField label={t('notices.form.addPeople')} value={search} onChange={setSearch} />
            {matches.length > 0 && (
              <ul className="people-matches">
                {matches.map((p) => (
                  <li key={p.id}>
                    <Button
                      type="button"
                      variant="link"
                      onClick={() => {
                        onChange({ ...value, userIds: [...value.userIds, p.id] });
                        setSearch('');
                      }}
                    >
                      <UserText>{p.name}</UserText>{' '}
                      {p.departmentName && (
                        <span className="muted small">
                          · <UserText>{p.departmentName}</UserText>
                        </span>
                      )}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <ul className="chips">
              {named.map((p) => (
                <li key={p.id} className="chip">
                  <UserText>{p.name}</UserText>
                  <Button
                    type="button"
                    variant="link"
                    aria-label={t('common.remove', { name: p.name })}
                    onClick={() => onChange({ ...value, userIds: toggle(value.userIds, p.id) })}
                  >
                    ×
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
    </fieldset>
  );
}
