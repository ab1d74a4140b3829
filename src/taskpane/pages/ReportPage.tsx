import type { ReactElement } from 'react';
import { EmptyState } from '../shell/EmptyState';

export default function ReportPage(): ReactElement {
  return <EmptyState titleKey="empty.report.title" bodyKey="empty.report.body" />;
}
