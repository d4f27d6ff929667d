/** One-line summaries of the engine classes; the spec describes methods, not classes. */
export const CLASS_DESCRIPTIONS: Readonly<Record<string, string>> = {
  Doc: 'An app (document) opened in the engine: its data model, script, selections and objects.',
  Field: 'A field of the data model, for selections on that field.',
  GenericBookmark: 'A bookmark of an app: a stored selection state.',
  GenericDimension: 'A master dimension of an app.',
  GenericMeasure: 'A master measure of an app.',
  GenericObject: 'A generic object (sheet, chart, list, ...): properties in, layout out.',
  GenericVariable: 'A variable of an app, as a generic object with properties and layout.',
  Global:
    'The engine session itself (handle -1): opens and creates apps, lists documents and connectors.',
  Variable: 'A variable of an app, through the legacy Variable class.',
};
