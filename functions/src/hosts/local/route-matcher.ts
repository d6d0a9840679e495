// Matches request paths against Azure Functions route templates such as "accounts/{id}/timeline".
import type { HttpRoute } from '../../app/routes';

interface Compiled {
  route: HttpRoute;
  pattern: RegExp;
  names: string[];
}

export type RouteMatch = { kind: 'found'; route: HttpRoute; params: Record<string, string> } | { kind: 'wrong-method'; allowed: string[] } | { kind: 'none' };

export function createRouteMatcher(routes: readonly HttpRoute[], prefix = '/api/') {
  const compiled: Compiled[] = routes.map((route) => {
    const names: string[] = [];
    const source = route.route
      .split('/')
      .map((segment) => {
        const param = segment.match(/^\{(\w+)\}$/);
        if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(param[1]!);
        return '([^/]+)';
      })
      .join('/');
    return { route, pattern: new RegExp(`^${source}/?$`), names };
  });

  return (method: string, pathname: string): RouteMatch => {
    if (!pathname.startsWith(prefix)) return { kind: 'none' };
    const path = pathname.slice(prefix.length);
    const allowed: string[] = [];
    for (const entry of compiled) {
      const match = entry.pattern.exec(path);
      if (!match) continue;
      if (entry.route.method !== method) {
        allowed.push(entry.route.method);
        continue;
      }
      const params = Object.fromEntries(entry.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
      return { kind: 'found', route: entry.route, params };
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
  };
}
