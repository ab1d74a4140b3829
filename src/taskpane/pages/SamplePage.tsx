import type { ReactElement } from 'react';
import { EmptyState } from '../shell/EmptyState';

export default function SamplePage(): ReactElement {
  return <EmptyState titleKey="empty.sample.title" bodyKey="empty.sample.body" />;
}
