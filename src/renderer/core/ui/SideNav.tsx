export interface SideNavItem<Id extends string> {
  id: Id;
  label: string;
}

/**
 * dkfds side menu (`ul.sidemenu` > `li` > `.nav-link`) in a nav landmark. Items are buttons (the
 * app has no URLs); the current one has aria-current="page".
 */
export function SideNav<Id extends string>({ label, items, current, onSelect }: { label: string; items: readonly SideNavItem<Id>[]; current: Id; onSelect: (id: Id) => void }) {
  return (
    <nav aria-label={label} className="app-sidenav">
      <ul className="sidemenu">
        {items.map((item) => {
          const active = item.id === current;
          return (
            <li key={item.id} className={active ? 'active current' : undefined}>
              <button type="button" className="nav-link" aria-current={active ? 'page' : undefined} onClick={() => onSelect(item.id)}>
                <span className="sidenav-title">{item.label}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
