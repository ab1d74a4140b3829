import type { ReactElement } from 'react';
import { EmptyState } from '../shell/EmptyState';

export default function ValidatePage(): ReactElement {
  return <EmptyState titleKey="empty.validate.title" bodyKey="empty.validate.body" />;
}
