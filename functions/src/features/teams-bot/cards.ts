// The answers Teams shows: the "Save to CRM" dialog as an Adaptive Card in a task module, and popup messages.
// Shapes: "Create and send dialogs" (task continue with card) and "Use dialogs with bots" (task message, shown in a popup),
// https://learn.microsoft.com/en-us/microsoftteams/platform/messaging-extensions/how-to/action-commands/create-task-module and
// https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/task-modules/task-modules-bots.
import { SavedMessageType } from '@crm/common';
import type { Texts } from './texts';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** The Data.Query dataset the account picker's type-ahead asks for (application/search). */
export const ACCOUNT_DATASET = 'crm.accounts';
/** Teams renders Adaptive Cards up to 1.5 in dialogs and messages. */
const CARD_VERSION = '1.5';

export interface Choice {
  title: string;
  value: string;
}

export interface DialogContent {
  texts: Texts;
  author: string | null;
  /** Plain text, shown as a TextRun: no Markdown and no HTML is interpreted there. */
  messageText: string;
  subject: string;
  type: SavedMessageType;
  accounts: Choice[];
  accountId: string | null;
  contacts: Choice[];
  contactIds: readonly string[];
  followUpDue?: string;
  followUpTitle?: string;
  /** Why the last submit was not saved. */
  error?: string;
}

/** The message preview is cut: the whole text is stored, the dialog only reminds which message this is. */
const PREVIEW = 600;

export function saveDialog(content: DialogContent) {
  const { texts } = content;
  const preview = content.messageText.length > PREVIEW ? `${content.messageText.slice(0, PREVIEW - 1)}…` : content.messageText;
  const body: unknown[] = [
    ...(content.error ? [{ type: 'TextBlock', text: content.error, color: 'attention', wrap: true, weight: 'bolder' }] : []),
    { type: 'TextBlock', text: content.author ? texts.messageFrom(content.author) : texts.messageUnknownAuthor, size: 'small', isSubtle: true, wrap: true },
    { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: preview }] },
    {
      type: 'Input.ChoiceSet',
      id: 'accountId',
      label: texts.account,
      placeholder: texts.accountPlaceholder,
      isRequired: true,
      errorMessage: texts.accountPlaceholder,
      style: 'filtered',
      choices: content.accounts,
      'choices.data': { type: 'Data.Query', dataset: ACCOUNT_DATASET },
      ...(content.accountId ? { value: content.accountId } : {}),
    },
    ...(content.accounts.length === 0 ? [{ type: 'TextBlock', text: texts.noSuggestion, size: 'small', wrap: true }] : []),
    {
      type: 'Input.ChoiceSet',
      id: 'type',
      label: texts.type,
      isRequired: true,
      style: 'compact',
      value: content.type,
      choices: SavedMessageType.options.map((type) => ({ title: texts.types[type], value: type })),
    },
    { type: 'Input.Text', id: 'subject', label: texts.subject, isRequired: true, errorMessage: texts.subject, maxLength: 1000, value: content.subject },
    ...(content.contacts.length > 0
      ? [
          {
            type: 'Input.ChoiceSet',
            id: 'contactIds',
            label: texts.contacts,
            isMultiSelect: true,
            style: 'expanded',
            choices: content.contacts,
            value: content.contactIds.join(','),
          },
        ]
      : []),
    { type: 'Input.Date', id: 'followUpDue', label: texts.followUpDue, ...(content.followUpDue ? { value: content.followUpDue } : {}) },
    { type: 'Input.Text', id: 'followUpTitle', label: texts.followUpTitle, maxLength: 300, ...(content.followUpTitle ? { value: content.followUpTitle } : {}) },
  ];
  return {
    task: {
      type: 'continue',
      value: {
        title: texts.dialogTitle,
        height: 'large',
        width: 'medium',
        card: {
          contentType: ADAPTIVE_CARD,
          content: {
            type: 'AdaptiveCard',
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            version: CARD_VERSION,
            body,
            actions: [{ type: 'Action.Submit', title: texts.save, data: { action: 'save' } }],
          },
        },
      },
    },
  };
}

/** A popup with one sentence, which also closes the dialog. */
export const popup = (text: string) => ({ task: { type: 'message', value: text } });
