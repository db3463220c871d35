// vgplot 0.32 and mosaic-core 0.32 publish their sources without the declaration
// files their package.json points to: the bench page uses them untyped.
declare module '@uwdata/vgplot';
declare module '@uwdata/mosaic-core';
