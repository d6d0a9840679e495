// The duplicates feature's public entry: how many possible duplicates its rules find, for the insights' data quality.
export { possibleDuplicatesOf, possibleDuplicateCounts } from './service';
