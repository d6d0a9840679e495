// The packages of the personal-data PDF: not bundled (they read files beside them at run time), so deployed as packages.
export const PDF_PACKAGES = ['pdfkit', 'fontkit', '@fontsource/noto-sans'];
