/** A demo app: a fixed id, a title, the data files it reads and its load script. */
export interface DemoApp {
  readonly id: string;
  readonly title: string;
  readonly files: readonly string[];
  readonly script: string;
}

/** The demo apps `npm start` serves, built from real public data sets (the vega-datasets package). */
export const DEMO_APPS: readonly DemoApp[] = [
  {
    id: 'flights',
    title: 'US flights and airports',
    files: ['flights-20k.json', 'airports.csv'],
    script: `// 20,000 US flights of 2001 and the airports they fly between.
Flights:
LOAD
  Date(Date#(Left(date, 10), 'YYYY/MM/DD'), 'YYYY-MM-DD') AS Date,
  Num(Mid(date, 12, 2)) AS Hour,
  delay AS Delay,
  distance AS Distance,
  origin AS Origin,
  destination AS Destination
FROM [lib://DataFiles/flights-20k.json] (json);

OriginAirports:
LOAD
  iata AS Origin,
  name AS [Origin Airport],
  city AS [Origin City],
  state AS [Origin State]
FROM [lib://DataFiles/airports.csv] (txt, utf8, embedded labels, delimiter is ',', msq);
`,
  },
  {
    id: 'seattle-weather',
    title: 'Seattle weather 2012-2015',
    files: ['seattle-weather.csv'],
    script: `Weather:
LOAD
  Date#(date, 'YYYY-MM-DD') AS Date,
  Year(Date#(date, 'YYYY-MM-DD')) AS Year,
  Month(Date#(date, 'YYYY-MM-DD')) AS Month,
  precipitation AS Precipitation,
  temp_max AS [Max temperature],
  temp_min AS [Min temperature],
  wind AS Wind,
  weather AS Weather
FROM [lib://DataFiles/seattle-weather.csv] (txt, utf8, embedded labels, delimiter is ',', msq);
`,
  },
  {
    id: 'people-groups',
    title: 'People and groups',
    files: ['lookup_people.csv', 'lookup_groups.csv'],
    script: `People:
LOAD name AS Person, age AS Age, height AS Height
FROM [lib://DataFiles/lookup_people.csv] (txt, utf8, embedded labels, delimiter is ',');

Groups:
LOAD group AS Group, person AS Person
FROM [lib://DataFiles/lookup_groups.csv] (txt, utf8, embedded labels, delimiter is ',');
`,
  },
  {
    id: 'cars',
    title: 'Cars 1970-1982',
    files: ['cars.json'],
    script: `Cars:
LOAD
  Name,
  Miles_per_Gallon AS MPG,
  Cylinders,
  Horsepower,
  Weight_in_lbs AS Weight,
  Acceleration,
  Year(Date#(Year, 'YYYY-MM-DD')) AS Year,
  Origin
FROM [lib://DataFiles/cars.json] (json);
`,
  },
];
