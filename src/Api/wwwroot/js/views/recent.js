// Cafés this browser opened lately (there is no "my cafés" endpoint yet), newest first.
const KEY = 'platform.recentCafes';

export function recentCafes() {
  try {
    return JSON.parse(localStorage.getItem(KEY)) ?? [];
  } catch {
    return [];
  }
}

export function rememberCafe(cafe) {
  const list = [{ id: cafe.id, name: cafe.name, address: cafe.address }, ...recentCafes().filter(other => other.id !== cafe.id)];
  localStorage.setItem(KEY, JSON.stringify(list.slice(0, 8)));
}
