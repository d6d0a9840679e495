// Tables of the insights in both hosts: the figures' inputs, the lifetime value's yearly terms, distributions and the trend.
import { makeStyles, tokens } from '@fluentui/react-components';

export const useTableStyles = makeStyles({
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse',
    fontVariantNumeric: 'tabular-nums',
    '& th, & td': {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'end',
    },
    '& th[scope="row"], & thead th:first-child': { textAlign: 'start', fontWeight: tokens.fontWeightRegular },
    '& thead th': { fontWeight: tokens.fontWeightSemibold },
  },
  caption: { textAlign: 'start', color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalXXS },
  pairs: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    '& dt': { color: tokens.colorNeutralForeground2 },
    '& dd': { margin: 0 },
  },
  // A bar inside a table cell: the cell's number is the accessible value, the bar only shows its share.
  bar: {
    height: '8px',
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
    minWidth: '2px',
    '@media (forced-colors: active)': { forcedColorAdjust: 'none', backgroundColor: 'CanvasText' },
  },
  behind: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  track: {
    height: '8px',
    backgroundColor: tokens.colorNeutralBackground6,
    borderRadius: tokens.borderRadiusSmall,
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  barCell: { width: '40%', textAlign: 'start' },
});
