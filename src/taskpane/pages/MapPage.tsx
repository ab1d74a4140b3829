import type { ReactElement } from 'react';
import { EmptyState } from '../shell/EmptyState';

export default function MapPage(): ReactElement {
  return <EmptyState titleKey="empty.map.title" bodyKey="empty.map.body" />;
}
