// Hands a downloaded file to the browser's save dialog: the API call carries the token, so a plain link could not.
export type SaveFile = (blob: Blob, name: string) => void;

export const saveFile: SaveFile = (blob, name) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The save dialog reads the URL after click() returns; revoking it at once would cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
