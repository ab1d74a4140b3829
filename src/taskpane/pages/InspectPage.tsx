import type { ReactElement } from 'react';
import { EmptyState } from '../shell/EmptyState';

export default function InspectPage(): ReactElement {
  return <EmptyState titleKey="empty.inspect.title" bodyKey="empty.inspect.body" />;
}
