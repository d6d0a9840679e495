// Native selects and text areas styled like the tabs' Fluent fields: Fluent's Select and Textarea would join the
// personal tab's first download (esbuild places what the components barrel reaches in the entry's chunk).
import { makeStyles, tokens } from '@fluentui/react-components';

/** What both native fields share with a Fluent field: its frame, colours and type. */
const field = {
  borderRadius: tokens.borderRadiusMedium,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  backgroundColor: tokens.colorNeutralBackground1,
  color: tokens.colorNeutralForeground1,
  fontFamily: 'inherit',
  fontSize: tokens.fontSizeBase300,
};

export const useNativeStyles = makeStyles({
  select: { ...field, minWidth: 0, maxWidth: '100%', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}` },
  textarea: { ...field, minHeight: '4em', padding: tokens.spacingHorizontalS, resize: 'vertical' },
  label: { display: 'grid', rowGap: tokens.spacingVerticalXXS },
  choices: { border: 0, padding: 0, margin: 0, minWidth: 0, display: 'grid', rowGap: tokens.spacingVerticalXXS },
});
