// Shared layout of the narrow task pane: sections stacked with Fluent spacing and colours that follow the theme.
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';

export const usePaneStyles = makeStyles({
  pane: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  section: { display: 'grid', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  card: {
    display: 'grid',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase400,
    overflowWrap: 'anywhere',
  },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  // A plain anchor in Fluent's link colours (Fluent's Link would add its package to the first download for one link).
  link: {
    color: tokens.colorBrandForegroundLink,
    fontSize: tokens.fontSizeBase200,
    justifySelf: 'start',
    textDecorationLine: 'none',
    ':hover': { color: tokens.colorBrandForegroundLinkHover, textDecorationLine: 'underline' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', rowGap: tokens.spacingVerticalXS },
  clip: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  form: { display: 'grid', rowGap: tokens.spacingVerticalS },
  // A fieldset is at least as wide as its content (min-inline-size: min-content) unless told otherwise.
  fieldset: { border: 0, padding: 0, margin: 0, minWidth: 0, display: 'grid', rowGap: tokens.spacingVerticalXXS },
  note: { whiteSpace: 'pre-wrap', marginTop: tokens.spacingVerticalXS },
});
