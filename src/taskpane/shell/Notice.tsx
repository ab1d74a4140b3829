import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarIntent,
} from '@fluentui/react-components';
import type { ReactElement, ReactNode } from 'react';

/** A button of a message bar: what it says and what it does. */
export interface NoticeAction {
  label: string;
  onClick(): void;
  disabled?: boolean;
  primary?: boolean;
}

/** A message bar: its text (and title), and the small buttons that act on it, if any. */
export function Notice(props: {
  intent: MessageBarIntent;
  children: ReactNode;
  title?: string;
  actions?: NoticeAction[];
  role?: 'alert' | 'status';
  testId?: string;
  /** Attributes of the text, for the page that moves focus to it. */
  bodyProps?: { 'data-result'?: boolean; tabIndex?: number };
}): ReactElement {
  return (
    <MessageBar
      intent={props.intent}
      // Always wrapped: Fluent's automatic single line left a long Japanese sentence running off a 350-px pane.
      layout="multiline"
      {...(props.role ? { role: props.role } : {})}
      {...(props.testId ? { 'data-testid': props.testId } : {})}
    >
      <MessageBarBody {...props.bodyProps}>
        {props.title && <MessageBarTitle>{props.title}</MessageBarTitle>}
        {props.children}
      </MessageBarBody>
      {props.actions && props.actions.length > 0 && (
        <MessageBarActions>
          {props.actions.map((a) => (
            <Button
              key={a.label}
              size="small"
              {...(a.primary ? { appearance: 'primary' as const } : {})}
              disabled={a.disabled}
              onClick={a.onClick}
            >
              {a.label}
            </Button>
          ))}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
