// /home — the home of the role the person is acting as, each answering that role's first question.
import type { Role } from '@quorum/domain';
import type { ComponentType } from 'react';
import { useSession } from '../../lib/session';
import { AdminHome } from './roles/admin-home';
import { ComplianceHome } from './roles/compliance-home';
import { DataEngineerHome } from './roles/data-engineer-home';
import { DataScientistHome } from './roles/data-scientist-home';
import { MlopsHome } from './roles/mlops-home';
import { PlatformHome } from './roles/platform-home';
import { ProductOwnerHome } from './roles/product-owner-home';

const HOMES: Record<Role, ComponentType> = {
  data_scientist: DataScientistHome,
  mlops_engineer: MlopsHome,
  data_engineer: DataEngineerHome,
  platform_engineer: PlatformHome,
  product_owner: ProductOwnerHome,
  compliance_lead: ComplianceHome,
  admin: AdminHome,
};

export function HomePage() {
  const Home = HOMES[useSession().activeRole];
  return <Home />;
}
